/**
 * A second X client for tests, doing what xclip cannot: ask for MULTIPLE, ask with an old timestamp,
 * and find the CLIPBOARD owner's window and process (`_NET_WM_PID`). It reads replies whole (no INCR):
 * xclip reads the large ones.
 */
import x11 from 'x11';
import {
  connectX11,
  internAtom,
  internAtoms,
  request,
  type XClient,
  type XEvent,
} from '../../../main/core/clipboard/x11-connection';

export interface Converted {
  /** The property type's atom name. */
  type: string;
  data: Buffer;
}

export interface Requestor {
  /** CLIPBOARD's owner window and the pid it declares; null when nobody owns it. */
  owner(): Promise<{ window: number; pid: number | null } | null>;
  /** Asks for `target` (at `time`, default CurrentTime); null when the owner refuses. */
  convert(target: string, time?: number): Promise<Converted | null>;
  /** Asks for several targets at once (MULTIPLE); null for each one refused. */
  multiple(targets: readonly string[]): Promise<(Converted | null)[]>;
  close(): Promise<void>;
}

export async function openRequestor(display: string): Promise<Requestor> {
  const { client, root } = await connectX11(display);
  const window = client.AllocID();
  client.CreateWindow(window, root, 0, 0, 1, 1, 0, 0, x11.InputOnly, 0, {});
  const { CLIPBOARD, _NET_WM_PID, MULTIPLE, ATOM_PAIR } = await internAtoms(client, [
    'CLIPBOARD',
    '_NET_WM_PID',
    'MULTIPLE',
    'ATOM_PAIR',
  ]);
  const atom = (name: string): Promise<number> => internAtom(client, name);
  const read = async (property: number): Promise<Converted> => {
    const reply = await request<x11.GetPropertyReply>((callback) =>
      client.GetProperty(1, window, property, 0, 0, 0x1000000, callback),
    );
    const type = await request<string>((callback) => client.GetAtomName(reply.type, callback));
    return { type, data: reply.data };
  };
  const ask = async (target: number, property: number, time: number): Promise<number> => {
    const notified = nextSelectionNotify(client, window);
    client.ConvertSelection(window, CLIPBOARD, target, property, time);
    return notified;
  };

  return {
    owner: async () => {
      const owner = await request<number>((callback) => client.GetSelectionOwner(CLIPBOARD, callback));
      if (owner === 0) return null;
      const pid = await request<x11.GetPropertyReply>((callback) =>
        client.GetProperty(0, owner, _NET_WM_PID, 0, 0, 1, callback),
      );
      return { window: owner, pid: pid.data.length === 4 ? pid.data.readUInt32LE(0) : null };
    },
    convert: async (target, time = 0) => {
      const property = await atom('NEKODESK_TEST_DATA');
      const answered = await ask(await atom(target), property, time);
      return answered === 0 ? null : read(answered);
    },
    multiple: async (targets) => {
      const pairs: number[] = [];
      for (const [index, target] of targets.entries())
        pairs.push(await atom(target), await atom(`NEKODESK_TEST_${index}`));
      const list = await atom('NEKODESK_TEST_MULTIPLE');
      client.ChangeProperty(0, window, list, ATOM_PAIR, 32, pairs);
      if ((await ask(MULTIPLE, list, 0)) === 0) throw new Error('MULTIPLE was refused');
      const answered = (await read(list)).data;
      return Promise.all(
        targets.map(async (_, index) => {
          const property = answered.readUInt32LE(index * 8 + 4);
          return property === 0 ? null : await read(property);
        }),
      );
    },
    close: () =>
      new Promise((resolve) => {
        client.close(() => {
          resolve();
        });
      }),
  };
}

/** The property of the next SelectionNotify for `window` (0 when refused); fails after 3 s. */
function nextSelectionNotify(client: XClient, window: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.removeListener('event', listener);
      reject(new Error('no SelectionNotify within 3 s'));
    }, 3000);
    const listener = (event: XEvent): void => {
      if (event.name !== 'SelectionNotify' || event.requestor !== window) return;
      clearTimeout(timer);
      client.removeListener('event', listener);
      resolve(event.property);
    };
    client.on('event', listener);
  });
}
