/**
 * An X11 selection owner (ICCCM 2): owns CLIPBOARD and answers every requestor with each target it
 * offers (see x11-selection-targets.ts), plus TARGETS, TIMESTAMP and MULTIPLE; data larger than one
 * request goes by INCR. It serves until another client takes the selection (SelectionClear; transfers
 * under way are finished first), the X server goes away, `stop()` is called, or nobody has asked for
 * anything for `idleMs`.
 */
import x11 from 'x11';
import { NekodeskError } from '../errors';
import { IncrTransfers } from './x11-incr-transfers';
import { SelectionConverter } from './x11-selection-converter';
import {
  connectX11,
  internAtom,
  internAtoms,
  isXError,
  request,
  type X11Connection,
  type XClient,
  type XEvent,
} from './x11-connection';
import type { SelectionTarget } from './x11-selection-targets';

export interface SelectionOwnerOptions {
  display: string;
  targets: readonly SelectionTarget[];
  /** Default CLIPBOARD. */
  selection?: string;
  /** Stop serving after this long without a request. Default a day (see DEFAULT_IDLE_MS). */
  idleMs?: number;
  /** How long an INCR requestor may take to ask for the next piece. Default 30 s. */
  transferTimeoutMs?: number;
  /** The most bytes written at once; default (and at most) what the server accepts in one request. */
  maxPieceBytes?: number;
}

/** Why the owner stopped: another client copied, idle, the X server went away, or `stop()`. */
export type OwnerEnd = 'lost' | 'idle' | 'disconnected' | 'stopped';

export interface SelectionOwner {
  /** The owner's window (its `_NET_WM_PID` names this process). */
  readonly window: number;
  /** Server time the selection was acquired at. */
  readonly acquiredAt: number;
  /** Settles once serving is over and the connection is closed. */
  readonly finished: Promise<OwnerEnd>;
  stop(): Promise<OwnerEnd>;
}

/**
 * A day: a person may copy now and paste hours later, and a newer copy (or a clipboard manager taking
 * the content) ends the owner anyway; the bound only keeps a forgotten owner from holding its data for
 * the whole life of the X session.
 */
export const DEFAULT_IDLE_MS = 24 * 60 * 60 * 1000;

/** The atoms the protocol needs (ATOM, INTEGER and CARDINAL are predefined: no round trip). */
const PROTOCOL_ATOMS = [
  'ATOM',
  'INTEGER',
  'CARDINAL',
  'TARGETS',
  'TIMESTAMP',
  'MULTIPLE',
  'INCR',
  'ATOM_PAIR',
  '_NET_WM_PID',
] as const;

/** Connects, takes the selection and starts serving; rejects when it cannot. */
export async function ownSelection(options: SelectionOwnerOptions): Promise<SelectionOwner> {
  const connection = await connectX11(options.display);
  try {
    return await serve(connection, options);
  } catch (error) {
    connection.client.terminate();
    throw error;
  }
}

async function serve(connection: X11Connection, options: SelectionOwnerOptions): Promise<SelectionOwner> {
  const { client, root } = connection;
  const selectionName = options.selection ?? 'CLIPBOARD';
  const [atoms, selection, offered] = await Promise.all([
    internAtoms(client, PROTOCOL_ATOMS),
    internAtom(client, selectionName),
    offeredTargets(client, options.targets),
  ]);
  const window = client.AllocID();
  client.CreateWindow(window, root, -10, -10, 1, 1, 0, 0, x11.InputOnly, 0, {
    eventMask: x11.eventMask.PropertyChange,
  });
  const acquiredAt = await serverTime(client, window, atoms._NET_WM_PID, atoms.CARDINAL);

  const idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
  let idleTimer = setTimeout(() => void end('idle'), idleMs);
  const active = (): void => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => void end('idle'), idleMs);
  };
  const pieceBytes = Math.min(options.maxPieceBytes ?? Infinity, connection.maxPropertyBytes);
  const transfers = new IncrTransfers(client, {
    incrAtom: atoms.INCR,
    pieceBytes,
    timeoutMs: options.transferTimeoutMs ?? 30_000,
    onProgress: active,
  });
  const converter = new SelectionConverter(client, { atoms, offered, acquiredAt, pieceBytes, transfers });

  let resolveFinished: (reason: OwnerEnd) => void = () => undefined;
  const finished = new Promise<OwnerEnd>((resolve) => {
    resolveFinished = resolve;
  });
  let ending: Promise<OwnerEnd> | null = null;
  const end = (reason: OwnerEnd): Promise<OwnerEnd> => {
    ending ??= (async () => {
      clearTimeout(idleTimer);
      transfers.cancelAll();
      if (reason !== 'disconnected') await closeQuietly(client);
      resolveFinished(reason);
      return reason;
    })();
    return ending;
  };

  let lost = false;
  const answer = async (event: x11.SelectionRequestEvent): Promise<void> => {
    active();
    // Obsolete requestors give no property: the target's name is used (ICCCM 2.2).
    const property = event.property === 0 ? event.target : event.property;
    // A request older than our ownership is for a previous owner (times wrap: compare the difference).
    const tooOld = event.time !== 0 && ((event.time - acquiredAt) | 0) < 0;
    let converted = false;
    if (!lost && !tooOld && event.owner === window && event.selection === selection) {
      converted =
        event.target === atoms.MULTIPLE
          ? event.property !== 0 && (await converter.convertMultiple(event.requestor, property))
          : converter.convert(event.requestor, event.target, property);
    }
    if (ending === null) notify(client, event, converted ? property : 0);
  };

  // Listening before taking the selection: a clipboard manager may ask the moment it changes hands.
  client.on('event', (event: XEvent) => {
    if (ending !== null) return;
    if (event.name === 'SelectionRequest') void answer(event);
    else if (event.name === 'PropertyNotify' && event.wid !== window)
      transfers.onPropertyNotify(event.wid, event.atom, event.state);
    else if (event.name === 'SelectionClear' && event.owner === window && event.selection === selection) {
      lost = true;
      clearTimeout(idleTimer);
      // Whoever is still receiving a large piece of data gets all of it.
      void transfers.idle().then(() => end('lost'));
    }
  });
  client.on('end', () => void end('disconnected'));
  // Errors of requests without a handler are about requestors' windows that went away; a socket error
  // is the end of the connection.
  client.on('error', (error) => {
    if (!isXError(error)) void end('disconnected');
  });

  client.SetSelectionOwner(window, selection, acquiredAt);
  const owner = await request<number>((callback) => client.GetSelectionOwner(selection, callback));
  if (owner !== window) {
    await end('stopped');
    throw new NekodeskError(
      'internal',
      `Another X client took ${selectionName} at the same moment; copy again.`,
    );
  }
  return { window, acquiredAt, finished, stop: () => end('stopped') };
}

/** Tells the requestor its conversion is done: into `property`, or refused (0). */
function notify(client: XClient, event: x11.SelectionRequestEvent, property: number): void {
  const { time, requestor, selection, target } = event;
  client.SendEvent(
    requestor,
    0,
    0,
    { name: 'SelectionNotify', time, requestor, selection, target, property },
    () => true,
  );
}

/** Target atom → its type atom and bytes. */
async function offeredTargets(
  client: XClient,
  targets: readonly SelectionTarget[],
): Promise<Map<number, { type: number; data: Buffer }>> {
  const entries = await Promise.all(
    targets.map(async ({ target, type, data }) => {
      const [targetAtom, typeAtom] = await Promise.all([
        internAtom(client, target),
        internAtom(client, type),
      ]);
      return [targetAtom, { type: typeAtom, data }] as const;
    }),
  );
  return new Map(entries);
}

/** A server timestamp (ICCCM 2.1: never CurrentTime): write a property of ours, see when it changed. */
function serverTime(client: XClient, window: number, property: number, cardinal: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const listener = (event: XEvent): void => {
      if (event.name === 'PropertyNotify' && event.wid === window && event.atom === property) {
        client.removeListener('event', listener);
        resolve(event.time);
      }
    };
    client.on('event', listener);
    // _NET_WM_PID (EWMH): which process owns the window, so a person (or a test) can find the owner.
    client.ChangeProperty(0, window, property, cardinal, 32, [process.pid], (error) => {
      if (!error) return true;
      client.removeListener('event', listener);
      reject(new NekodeskError('internal', `The X server refused the clipboard window: ${error.message}`));
      return true;
    });
  });
}

/** Closes the connection (a round trip first, so queued answers reach the server); bounded. */
async function closeQuietly(client: XClient): Promise<void> {
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      client.terminate();
      resolve();
    }, 2000);
    try {
      // `x11` hands a failed round trip to the callback without closing anything: close it then.
      client.close((error) => {
        clearTimeout(timer);
        if (error) client.terminate();
        resolve();
      });
    } catch {
      clearTimeout(timer);
      resolve();
    }
  });
}
