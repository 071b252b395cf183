import { describe, expect, it } from 'vitest';
import { createNekodeskApi, type BridgeTransport } from '../../preload/api-factory';
import { CALL_CHANNELS } from '../../preload/contract';

function recordingTransport() {
  const invoked: [string, unknown][] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const transport: BridgeTransport = {
    invoke: (channel, request) => {
      invoked.push([channel, request]);
      return Promise.resolve({ ok: true, data: channel });
    },
    subscribe: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => set.delete(listener);
    },
  };
  const emit = (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener(payload);
  };
  return { transport, invoked, emit };
}

describe('createNekodeskApi', () => {
  it('exposes one named method per contract call, sending on that channel', async () => {
    const { transport, invoked } = recordingTransport();
    const api = createNekodeskApi(transport);

    await api.nekos.categories();
    await api.settings.update({ launchAtLogin: true });
    await api.shell.openLink({ url: 'https://nekos.best' });

    expect(invoked).toEqual([
      ['nekos:categories', undefined],
      ['settings:update', { launchAtLogin: true }],
      ['shell:open-link', { url: 'https://nekos.best' }],
    ]);
    const methodCount = Object.entries(api)
      .filter(([key]) => key !== 'on')
      .reduce((count, [, group]) => count + Object.keys(group as object).length, 0);
    expect(methodCount).toBe(CALL_CHANNELS.length);
  });

  it('delivers events until the listener unsubscribes', () => {
    const { transport, emit } = recordingTransport();
    const api = createNekodeskApi(transport);
    const seen: string[] = [];
    const stop = api.on('app:notice', (notice) => seen.push(notice.message));

    emit('app:notice', { level: 'info', message: 'first' });
    stop();
    emit('app:notice', { level: 'info', message: 'second' });

    expect(seen).toEqual(['first']);
  });
});
