/**
 * A real `window.nekodesk` (built by `createNekodeskApi`, as in the app) over an in-memory transport:
 * requests are validated against the contract's schemas like main does, handlers are plain functions
 * the test chooses, and events are emitted by the test.
 */
import { NekodeskError } from '../../../main/core/errors';
import { createIdentifyHandlers } from '../identify/fake-identify';
import { toResult } from '../../../main/core/result';
import { createNekodeskApi, type NekodeskApi } from '../../../preload/api-factory';
import {
  calls,
  type CallChannel,
  type CallResponse,
  type EventChannel,
  type EventPayload,
  type ParsedCallRequest,
} from '../../../preload/contract';

export type FakeHandlers = {
  [C in CallChannel]: (request: ParsedCallRequest<C>) => Promise<CallResponse<C>> | CallResponse<C>;
};

export type FakeSettings = CallResponse<'settings:get'>;

export const DEFAULT_SETTINGS: FakeSettings = {
  services: {
    nekosBestUrl: 'https://nekos.best/api/v2',
    nekosiaUrl: 'https://api.nekosia.cat/api/v1',
    whatanimeUrl: 'https://whatanimeisthis.com',
  },
  launchAtLogin: false,
  wallpaper: {
    sources: [
      { kind: 'nekosia', category: 'catgirl', tags: [], weight: 2 },
      { kind: 'nekos.best', category: 'neko', weight: 1 },
    ],
    blacklist: [],
    rating: 'safe',
    intervalMinutes: 30,
    fitMode: 'auto',
    paused: false,
    changeOnStart: true,
    customCommand: null,
    monitors: null,
    cacheLimitMb: 1024,
    historyLimit: 500,
  },
  picker: {
    hotkey: 'CommandOrControl+Shift+Space',
    copyMode: 'file',
    alternateCopyMode: 'link',
    showImageCategories: false,
  },
  identify: { hotkey: null, showAdult: false, keepHistory: true },
};

export type FakeArtwork = CallResponse<'library:favorites'>[number]['artwork'];

let artworkCount = 0;

/** A valid artwork for UI tests; `overrides` set what the test is about. */
export function fakeArtwork(overrides: Partial<FakeArtwork> = {}): FakeArtwork {
  artworkCount += 1;
  return {
    id: `nekosia:${String(artworkCount).padStart(6, '0')}`,
    source: 'nekosia',
    kind: 'image',
    category: 'catgirl',
    url: `https://images.example/${artworkCount}.png`,
    previewUrl: `https://images.example/${artworkCount}-small.jpg`,
    width: 1920,
    height: 1080,
    rating: 'safe',
    tags: ['catgirl', 'cute'],
    anime: null,
    character: 'Mochi',
    artist: { name: 'Usagi Draws', url: 'https://artists.example/usagi' },
    sourceUrl: 'https://source.example/post/1',
    colors: null,
    ...overrides,
  };
}

export type FakeWallpaperState = CallResponse<'wallpaper:state'>;

export function wallpaperState(overrides: Partial<FakeWallpaperState> = {}): FakeWallpaperState {
  return {
    status: 'running',
    paused: false,
    current: [],
    nextDueAt: null,
    busy: false,
    offline: false,
    lastError: null,
    ...overrides,
  };
}

export interface FakeBackend {
  api: NekodeskApi;
  /** Every call that reached a handler (after validation), in order. */
  received: { channel: CallChannel; request: unknown }[];
  emit<E extends EventChannel>(channel: E, payload: EventPayload<E>): void;
  /** How many listeners an event has now (to check unsubscription). */
  listenerCount(channel: EventChannel): number;
}

const ONE_PIXEL_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

export function createFakeApi(overrides: Partial<FakeHandlers> = {}): FakeBackend {
  let settings = structuredClone(DEFAULT_SETTINGS);
  let searchSeq = 0;
  const handlers: FakeHandlers = {
    // Like the shell on X11 where nothing else holds the keys: each hotkey set is registered.
    'app:hotkeys': () => ({
      picker: hotkeyRegistered(settings.picker.hotkey),
      identify: hotkeyRegistered(settings.identify.hotkey),
      suggestions: ['Control+Alt+Space', 'CommandOrControl+Alt+P', 'CommandOrControl+Alt+I'],
      wayland: false,
      pickerCommand: 'nekodesk picker',
    }),
    'app:info': () => ({ name: 'Nekodesk', version: '9.8.7', platform: 'linux' }),
    // The capture overlay's screenshot: a 1x1 PNG as a data URL stands in for the cache key.
    'capture:source': () => ({ imageUrl: ONE_PIXEL_PNG, width: 1920, height: 1080 }),
    'capture:finish': () => null,
    'nekos:categories': () => [],
    'settings:get': () => structuredClone(settings),
    'settings:update': (patch) => {
      settings = {
        ...settings,
        ...(patch.launchAtLogin === undefined ? {} : { launchAtLogin: patch.launchAtLogin }),
        services: { ...settings.services, ...patch.services },
        wallpaper: { ...settings.wallpaper, ...patch.wallpaper },
        picker: { ...settings.picker, ...patch.picker },
        identify: { ...settings.identify, ...patch.identify },
      };
      return structuredClone(settings);
    },
    'shell:open-link': () => null,
    'wallpaper:state': () => wallpaperState(),
    'wallpaper:next': () => wallpaperState(),
    'wallpaper:previous': () => wallpaperState(),
    'wallpaper:favorite-current': () => wallpaperState(),
    'wallpaper:ban-current': () => wallpaperState(),
    'wallpaper:set-paused': ({ paused }) => wallpaperState({ paused, status: paused ? 'paused' : 'running' }),
    'library:history': () => ({ items: [], total: 0 }),
    'library:favorites': () => [],
    'library:remove-favorite': () => [],
    'nekosia:tags': () => ({ tags: ['catgirl', 'maid', 'cute'], anime: [], characters: [] }),
    'picker:chips': () => [],
    'picker:browse': () => ({ items: [], done: true, offline: false }),
    'picker:search': ({ query }) => ({ query, seq: ++searchSeq, items: [] }),
    'picker:search-remote': ({ seq }) => ({ query: '', seq, items: [], superseded: true }),
    'picker:previews': ({ artworkIds }) =>
      artworkIds.map((artworkId) => ({ artworkId, previewUrl: null, posterUrl: null })),
    'picker:copy': ({ artworkId, mode, alternate }) => ({
      artworkId,
      mode: mode ?? (alternate === true ? settings.picker.alternateCopyMode : settings.picker.copyMode),
    }),
    'picker:toggle-favorite': ({ artworkId }) => ({ artworkId, favorite: true }),
    'picker:hide': () => null,
    'picker:start-drag': () => null,
    ...createIdentifyHandlers(),
    ...overrides,
  };
  const received: FakeBackend['received'] = [];
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();

  const api = createNekodeskApi({
    invoke: (channel, request) =>
      toResult(() => {
        const parsed = calls[channel].request.safeParse(request);
        if (!parsed.success) throw new NekodeskError('invalid_input', `Invalid request for ${channel}.`);
        received.push({ channel, request: parsed.data });
        const handler = handlers[channel] as (request: unknown) => unknown;
        return handler(parsed.data);
      }),
    subscribe: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  });

  return {
    api,
    received,
    emit: (channel, payload) => {
      for (const listener of listeners.get(channel) ?? []) listener(payload);
    },
    listenerCount: (channel) => listeners.get(channel)?.size ?? 0,
  };
}

function hotkeyRegistered(accelerator: string | null): CallResponse<'app:hotkeys'>['picker'] {
  return accelerator === null
    ? { state: 'off', accelerator: null, message: '' }
    : { state: 'registered', accelerator, message: '' };
}

/** A promise the test settles when it wants: for catching the loading state. */
export function deferred<T>(): {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
} {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export const CATEGORIES = [
  { name: 'waifu', format: 'png' },
  { name: 'hug', format: 'gif' },
  { name: 'neko', format: 'png' },
  { name: 'pat', format: 'gif' },
  { name: 'highfive', format: 'gif' },
] as const satisfies readonly { name: string; format: 'png' | 'gif' }[];
