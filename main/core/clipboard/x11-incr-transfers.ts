/**
 * ICCCM 2.7.2 INCR transfers: data larger than one request is sent in pieces. The owner writes an `INCR`
 * property (the size) and listens to the requestor's window; each time the requestor deletes the
 * property, the next piece replaces it; an empty piece ends the transfer. Several transfers (several
 * requestors, or several properties of one) run side by side, keyed by window and property. A requestor
 * that stops taking pieces (it crashed, its window is gone) is given up after a timeout.
 */
import type { XClient, XError } from './x11-connection';
import x11 from 'x11';

/** PropertyNotify's state for a deleted property. */
const PROPERTY_DELETED = 1;

export interface IncrTransfersOptions {
  /** The atom `INCR`. */
  incrAtom: number;
  /** The most bytes written at once. */
  pieceBytes: number;
  /** How long a requestor may take to ask for the next piece. */
  timeoutMs: number;
  /** Called on every piece sent (the owner is not idle). */
  onProgress?: () => void;
}

interface Transfer {
  requestor: number;
  property: number;
  type: number;
  data: Buffer;
  /** Bytes sent so far. */
  offset: number;
  timer: NodeJS.Timeout;
}

export class IncrTransfers {
  readonly #client: XClient;
  readonly #options: IncrTransfersOptions;
  readonly #transfers = new Map<string, Transfer>();
  /** Everyone waiting in `idle()`. */
  readonly #whenEmpty: (() => void)[] = [];

  constructor(client: XClient, options: IncrTransfersOptions) {
    this.#client = client;
    this.#options = options;
  }

  get active(): number {
    return this.#transfers.size;
  }

  /**
   * Starts sending `data` to `property` on `requestor`. The caller sends the SelectionNotify afterwards:
   * the requestor's window is watched before it can delete the `INCR` property.
   */
  start(requestor: number, property: number, type: number, data: Buffer): void {
    const key = keyOf(requestor, property);
    const previous = this.#transfers.get(key);
    if (previous !== undefined) clearTimeout(previous.timer);
    const watched = this.#watches(requestor);
    const transfer: Transfer = { requestor, property, type, data, offset: 0, timer: this.#timer(key) };
    this.#transfers.set(key, transfer);
    this.#client.ChangeProperty(0, requestor, property, this.#options.incrAtom, 32, [data.length], (error) =>
      this.#failed(key, error),
    );
    if (!watched)
      this.#client.ChangeWindowAttributes(requestor, { eventMask: x11.eventMask.PropertyChange }, (error) =>
        this.#failed(key, error),
      );
  }

  /** A PropertyNotify on another client's window: sends the next piece when it is one of ours. */
  onPropertyNotify(window: number, property: number, state: number): void {
    if (state !== PROPERTY_DELETED) return;
    const key = keyOf(window, property);
    const transfer = this.#transfers.get(key);
    if (transfer === undefined) return;
    const piece = transfer.data.subarray(transfer.offset, transfer.offset + this.#options.pieceBytes);
    transfer.offset += piece.length;
    this.#client.ChangeProperty(0, window, property, transfer.type, 8, piece, (error) =>
      this.#failed(key, error),
    );
    this.#options.onProgress?.();
    clearTimeout(transfer.timer);
    // The empty piece just written ends it; the requestor deletes it without needing us.
    if (piece.length === 0) this.#end(key);
    else transfer.timer = this.#timer(key);
  }

  /** Resolves once no transfer is running (at once if none is). */
  idle(): Promise<void> {
    if (this.#transfers.size === 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.#whenEmpty.push(resolve);
    });
  }

  /** Drops every transfer (the connection is closing). */
  cancelAll(): void {
    for (const transfer of this.#transfers.values()) clearTimeout(transfer.timer);
    this.#transfers.clear();
    this.#settleIfEmpty();
  }

  #watches(requestor: number): boolean {
    for (const transfer of this.#transfers.values()) if (transfer.requestor === requestor) return true;
    return false;
  }

  #timer(key: string): NodeJS.Timeout {
    return setTimeout(() => {
      this.#end(key);
    }, this.#options.timeoutMs);
  }

  /** An X error on a requestor's window (usually BadWindow: it has gone): that transfer is over. */
  #failed(key: string, error: XError | null | undefined): true {
    if (error) this.#end(key);
    return true;
  }

  #end(key: string): void {
    const transfer = this.#transfers.get(key);
    if (transfer === undefined) return;
    clearTimeout(transfer.timer);
    this.#transfers.delete(key);
    // Stop listening to that window once nothing of ours is left on it (our mask is ours alone).
    if (!this.#watches(transfer.requestor))
      this.#client.ChangeWindowAttributes(transfer.requestor, { eventMask: 0 }, () => true);
    this.#settleIfEmpty();
  }

  #settleIfEmpty(): void {
    if (this.#transfers.size > 0) return;
    for (const resolve of this.#whenEmpty.splice(0)) resolve();
  }
}

function keyOf(window: number, property: number): string {
  return `${window}:${property}`;
}
