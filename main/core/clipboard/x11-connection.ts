/**
 * One connection to an X server through the `x11` package (a pure-JavaScript protocol client: no native
 * build, no libX11, nothing to install beside Node), with promises over its callbacks and the errors a
 * person can act on: no X server on that display, or the authorisation refused.
 */
import { existsSync } from 'node:fs';
import x11 from 'x11';
import { NekodeskError } from '../errors';

export type { XClient, XEvent, XError } from 'x11';

export interface X11Connection {
  client: x11.XClient;
  root: number;
  /**
   * The most bytes one ChangeProperty can carry on this connection: the server's maximum request length
   * less the request's 24-byte header, in whole 4-byte units.
   */
  maxPropertyBytes: number;
}

export function isXError(error: unknown): error is x11.XError {
  return error instanceof Error && typeof (error as Partial<x11.XError>).error === 'number';
}

/**
 * Connects to `display`. BIG-REQUESTS is left off: `x11` cannot encode a ChangeProperty longer than
 * 65535 units anyway, and large data goes by INCR in pieces that fit the plain limit. No shared memory
 * either, so the socket is a plain `net.Socket`.
 */
export function connectX11(display: string): Promise<X11Connection> {
  checkReachable(display);
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      reject(connectFailed(display, error));
    };
    const client = x11.createClient({ display, disableBigRequests: true, shm: false }, (...args) => {
      if (args[0] !== undefined) {
        fail(args[0]);
        return;
      }
      const setup = args[1];
      // Selections belong to the whole server: any screen's root will do as the window's parent.
      const root = setup.screen[0]?.root;
      if (root === undefined) {
        fail(new Error('the server reported no screen'));
        return;
      }
      settled = true;
      isolateAtomCache(client);
      resolve({ client, root, maxPropertyBytes: (setup.max_request_length - 6) * 4 });
    });
    // A refused authorisation is emitted, not passed to the callback.
    client.on('error', fail);
  });
}

/**
 * `x11` falls back from a missing local socket to TCP port 6000+N and throws, uncaught, when that port
 * is out of range (DISPLAY=:65000): say there is no server instead.
 */
function checkReachable(display: string): void {
  let parsed: x11.ParsedDisplay;
  try {
    parsed = x11.parseDisplay(display);
  } catch {
    throw new NekodeskError('invalid_input', `DISPLAY=${display} is not an X display name (like :0).`);
  }
  const port = 6000 + Number(parsed.displayNum);
  const local = parsed.host === '' && !['tcp', 'inet', 'inet6'].includes(parsed.protocol);
  if (local && port > 65535 && !existsSync(`/tmp/.X11-unix/X${parsed.displayNum}`))
    throw new NekodeskError(
      'internal',
      `Cannot open the X display ${display}: no X server is running there.`,
    );
}

/** The last predefined atom (X protocol, appendix B: WM_TRANSIENT_FOR). */
const LAST_PREDEFINED_ATOM = 68;

/**
 * `x11` caches interned atoms in one object shared by all connections of the process, but an atom's
 * number belongs to its server: a second server would be sent the first one's. Each connection gets a
 * cache of its own, with only the predefined atoms (the same on every server).
 */
function isolateAtomCache(client: x11.XClient): void {
  client.atoms = Object.fromEntries(
    Object.entries(client.atoms).filter(([, atom]) => atom <= LAST_PREDEFINED_ATOM),
  );
}

function connectFailed(display: string, error: Error): NekodeskError {
  const code = (error as NodeJS.ErrnoException).code;
  const said = error.message.replace(/^X server connection failed:\s*/, '').trim();
  const reason =
    code === 'ENOENT' || code === 'ECONNREFUSED'
      ? 'no X server is running there'
      : /authori[sz]|connection failed|closed before setup/i.test(error.message)
        ? `the X server refused the connection (${said}); check XAUTHORITY`
        : said;
  return new NekodeskError('internal', `Cannot open the X display ${display}: ${reason}.`, { cause: error });
}

/** Runs one request and settles with its reply; an X error rejects (and is marked handled). */
export function request<T>(send: (callback: x11.Callback<T>) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    send((...args) => {
      if (args[0]) {
        reject(args[0]);
        return true;
      }
      resolve(args[1]);
      return undefined;
    });
  });
}

/** The atom named `name` (created when missing). */
export function internAtom(client: x11.XClient, name: string): Promise<number> {
  return request<number>((callback) => client.InternAtom(false, name, callback));
}

/** The atom of each name, interned in one round trip. */
export async function internAtoms<const Name extends string>(
  client: x11.XClient,
  names: readonly Name[],
): Promise<Record<Name, number>> {
  const atoms = await Promise.all(names.map((name) => internAtom(client, name)));
  return Object.fromEntries(names.map((name, index) => [name, atoms[index]])) as Record<Name, number>;
}
