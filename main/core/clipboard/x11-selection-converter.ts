/**
 * Answers one SelectionRequest's conversion (ICCCM 2.2, 2.6): writes the target's data to the requestor's
 * property, or starts an INCR transfer when it is larger than one request. TARGETS, TIMESTAMP and
 * MULTIPLE are answered here too; the caller sends the SelectionNotify.
 */
import type { IncrTransfers } from './x11-incr-transfers';
import { request, type XClient } from './x11-connection';
import type x11 from 'x11';

export interface ConverterAtoms {
  ATOM: number;
  INTEGER: number;
  TARGETS: number;
  TIMESTAMP: number;
  MULTIPLE: number;
  ATOM_PAIR: number;
}

/** What is offered: target atom → its type atom and bytes. */
export type OfferedTargets = ReadonlyMap<number, { type: number; data: Buffer }>;

export interface ConverterOptions {
  atoms: ConverterAtoms;
  offered: OfferedTargets;
  /** The server time the selection was acquired at (the TIMESTAMP target). */
  acquiredAt: number;
  /** Data larger than this goes by INCR. */
  pieceBytes: number;
  transfers: IncrTransfers;
}

/** Errors about a requestor's window (it went away) end nothing of ours. */
const ignore = (): true => true;

export class SelectionConverter {
  readonly #client: XClient;
  readonly #options: ConverterOptions;

  constructor(client: XClient, options: ConverterOptions) {
    this.#client = client;
    this.#options = options;
  }

  /** Converts `target` into `property` on `requestor`; false when it is not offered. */
  convert(requestor: number, target: number, property: number): boolean {
    const { atoms, offered, acquiredAt, pieceBytes, transfers } = this.#options;
    if (target === atoms.TARGETS) {
      const list = [atoms.TARGETS, atoms.TIMESTAMP, atoms.MULTIPLE, ...offered.keys()];
      this.#client.ChangeProperty(0, requestor, property, atoms.ATOM, 32, list, ignore);
      return true;
    }
    if (target === atoms.TIMESTAMP) {
      this.#client.ChangeProperty(0, requestor, property, atoms.INTEGER, 32, [acquiredAt], ignore);
      return true;
    }
    const found = offered.get(target);
    if (found === undefined) return false;
    if (found.data.length > pieceBytes) transfers.start(requestor, property, found.type, found.data);
    else this.#client.ChangeProperty(0, requestor, property, found.type, 8, found.data, ignore);
    return true;
  }

  /**
   * MULTIPLE: `property` lists (target, property) atom pairs; each is converted, and those refused get
   * property None in the list, written back. False when the list cannot be read.
   */
  async convertMultiple(requestor: number, property: number): Promise<boolean> {
    const { atoms } = this.#options;
    const list = await request<x11.GetPropertyReply>((callback) =>
      this.#client.GetProperty(0, requestor, property, 0, 0, 0x10000, callback),
    ).catch(() => null);
    if (list === null || list.format !== 32 || list.data.length % 8 !== 0) return false;
    const pairs = Array.from({ length: list.data.length / 4 }, (_, index) =>
      list.data.readUInt32LE(index * 4),
    );
    let refused = false;
    for (let index = 0; index < pairs.length; index += 2) {
      const target = pairs[index] ?? 0;
      const into = pairs[index + 1] ?? 0;
      if (target !== atoms.MULTIPLE && into !== 0 && this.convert(requestor, target, into)) continue;
      pairs[index + 1] = 0;
      refused = true;
    }
    if (refused) this.#client.ChangeProperty(0, requestor, property, atoms.ATOM_PAIR, 32, pairs, ignore);
    return true;
  }
}
