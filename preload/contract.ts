/**
 * The one contract for everything that crosses the bridge between main and the renderer:
 * every call (request schema + response type) and every main→renderer event (payload type).
 * Main validates requests against these schemas; the preload and the browser harness build
 * `window.nekodesk` from it; the renderer imports only its types. No Electron import here.
 */
import { z } from 'zod';
import type { Artwork } from '../main/core/artwork';
import type { ErrorPayload } from '../main/core/errors';
import type { Result } from '../main/core/result';
import type { Settings } from '../main/core/settings/settings-schema';
import { settingsPatchSchema } from '../main/core/settings/settings-schema';
import type { CallChannel, EventChannel } from './channels';

export { CALL_CHANNELS, EVENT_CHANNELS, isCallChannel, isEventChannel } from './channels';
export type { CallChannel, EventChannel } from './channels';

/** A call: its request schema, and (as a phantom type) its response. */
interface CallSpec<Request extends z.ZodType, Response> {
  request: Request;
  /** Never read at run time; carries the response type. */
  response?: Response;
}

function call<Response>(): CallSpec<z.ZodUndefined, Response>;
function call<Response, Request extends z.ZodType>(request: Request): CallSpec<Request, Response>;
function call(request: z.ZodType = z.undefined()): CallSpec<z.ZodType, unknown> {
  return { request };
}

/** An event from main: its payload type only (main is trusted; the payload is not re-validated). */
interface EventSpec<Payload> {
  payload?: Payload;
}
function event<Payload>(): EventSpec<Payload> {
  return {};
}

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
}

export interface CategoryInfo {
  name: string;
  format: 'png' | 'gif';
}

export interface Notice {
  level: 'info' | 'warning' | 'error';
  message: string;
}

export type { Artwork };

/** What one monitor shows now. `imageUrl` names the cached file (`nekodesk://cache/<key>` in the app), or null. */
export interface CurrentWallpaper {
  monitorId: string | null;
  artwork: Artwork;
  imageUrl: string | null;
}

/** The last thing that went wrong in the rotation, with the step that failed. */
export interface WallpaperError extends ErrorPayload {
  step: string;
  source?: string;
  at: number;
}

export interface WallpaperState {
  /** `stopped` when no timer runs (the browser harness), else `running` or `paused`. */
  status: 'stopped' | 'running' | 'paused';
  /** The `wallpaper.paused` setting, which Pause / Resume change. */
  paused: boolean;
  current: CurrentWallpaper[];
  /** Epoch ms of the next timed change; null while paused or stopped. */
  nextDueAt: number | null;
  /** A change or a prefetch is under way. */
  busy: boolean;
  /** The last attempt found no network: rotating through what is downloaded. */
  offline: boolean;
  lastError: WallpaperError | null;
}

/** One artwork of the history or the favorites, with the cached file's URL when it is downloaded. */
export interface LibraryItem {
  artwork: Artwork;
  imageUrl: string | null;
  /** When it was shown (history) or added (favorites), epoch ms. */
  at: number;
}

export interface HistoryPage {
  items: LibraryItem[];
  /** Entries in the whole history. */
  total: number;
}

export interface NekosiaTagList {
  tags: string[];
  anime: string[];
  characters: string[];
}

/** Artwork ids are short (`nekosia:…`, `nekos.best:…`); the library caps ban ids at this length too. */
export const MAX_ARTWORK_ID_LENGTH = 300;
export const MAX_HISTORY_PAGE = 100;

const monitorTarget = z
  .object({ monitorId: z.string().min(1).max(64).optional() })
  .strict()
  .optional();

export const calls = {
  'app:info': call<AppInfo>(),
  'library:favorites': call<LibraryItem[]>(),
  'library:history': call<HistoryPage, z.ZodObject<{ offset: z.ZodNumber; limit: z.ZodNumber }>>(
    z
      .object({
        offset: z.number().int().min(0).max(1_000_000),
        limit: z.number().int().min(1).max(MAX_HISTORY_PAGE),
      })
      .strict(),
  ),
  /** Answers the favorites left. */
  'library:remove-favorite': call<LibraryItem[], z.ZodObject<{ id: z.ZodString }>>(
    z.object({ id: z.string().min(1).max(MAX_ARTWORK_ID_LENGTH) }).strict(),
  ),
  'nekos:categories': call<CategoryInfo[]>(),
  'nekosia:tags': call<NekosiaTagList>(),
  'settings:get': call<Settings>(),
  'settings:update': call<Settings, typeof settingsPatchSchema>(settingsPatchSchema),
  'shell:open-link': call<null, z.ZodObject<{ url: z.ZodString }>>(
    z.object({ url: z.string().max(4096) }).strict(),
  ),
  /** Bans what is shown (on one monitor, or all) and moves on. */
  'wallpaper:ban-current': call<WallpaperState, typeof monitorTarget>(monitorTarget),
  'wallpaper:favorite-current': call<WallpaperState, typeof monitorTarget>(monitorTarget),
  'wallpaper:next': call<WallpaperState>(),
  'wallpaper:previous': call<WallpaperState>(),
  'wallpaper:set-paused': call<WallpaperState, z.ZodObject<{ paused: z.ZodBoolean }>>(
    z.object({ paused: z.boolean() }).strict(),
  ),
  'wallpaper:state': call<WallpaperState>(),
} as const satisfies Record<CallChannel, CallSpec<z.ZodType, unknown>>;

export const events = {
  /** Something the person should know: a repaired settings file, a failed background job. */
  'app:notice': event<Notice>(),
  'settings:changed': event<Settings>(),
  /** The rotation's state after every change: a new wallpaper, busy, paused, an error. */
  'wallpaper:changed': event<WallpaperState>(),
} as const satisfies Record<EventChannel, EventSpec<unknown>>;

export type Calls = typeof calls;

export type CallRequest<C extends CallChannel> = z.input<Calls[C]['request']>;
export type ParsedCallRequest<C extends CallChannel> = z.output<Calls[C]['request']>;
export type CallResponse<C extends CallChannel> = Exclude<Calls[C]['response'], undefined>;
export type EventPayload<E extends EventChannel> = Exclude<(typeof events)[E]['payload'], undefined>;

/** The wire answer of every call. */
export type CallResult<C extends CallChannel> = Result<CallResponse<C>>;
