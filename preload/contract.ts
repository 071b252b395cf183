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
import type { CopyMode, Settings } from '../main/core/settings/settings-schema';
import { COPY_MODES, settingsPatchSchema } from '../main/core/settings/settings-schema';
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

export type { Artwork, CopyMode };

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

/** One chip of the picker's top row; `id` is what `picker:browse` takes. */
export interface PickerChip {
  id: string;
  kind: 'recent' | 'favorites' | 'category';
  label: string;
  category: string | null;
  /** For category chips: GIFs (reactions) or still images (shown behind the Images toggle). */
  format: 'gif' | 'image' | null;
}

/**
 * One tile of the picker. The preview URLs (`nekodesk://cache/p/<name>` in the app) are null until the
 * previews exist: the picker asks `picker:previews` for the tiles it shows.
 */
export interface PickerItem {
  artwork: Artwork;
  /** A small animated WebP. */
  previewUrl: string | null;
  /** Its first frame, still: shown when the tile is off screen or motion is reduced. */
  posterUrl: string | null;
  favorite: boolean;
}

export interface PickerPage {
  items: PickerItem[];
  /** No further page can be had now. */
  done: boolean;
  /** nekos.best could not be reached: only downloaded GIFs are shown. */
  offline: boolean;
}

/**
 * A search's instant answer (matches among what the picker has seen). `seq` grows with every search; pass it to
 * `picker:search-remote` for nekos.best's answer.
 */
export interface PickerSearchAnswer {
  query: string;
  seq: number;
  items: PickerItem[];
}

/** nekos.best's answer to search `seq`; `superseded` when a newer search replaced it (then `items` is empty). */
export interface PickerRemoteAnswer {
  query: string;
  seq: number;
  items: PickerItem[];
  superseded: boolean;
}

export interface PickerPreview {
  artworkId: string;
  previewUrl: string | null;
  posterUrl: string | null;
}

export interface PickerCopied {
  artworkId: string;
  mode: CopyMode;
}

export interface PickerFavorite {
  artworkId: string;
  favorite: boolean;
}

export const MAX_PICKER_PAGE = 60;
export const MAX_PICKER_QUERY = 100;

/** Artwork ids are short (`nekosia:…`, `nekos.best:…`); the library caps ban ids at this length too. */
export const MAX_ARTWORK_ID_LENGTH = 300;
export const MAX_HISTORY_PAGE = 100;

const monitorTarget = z
  .object({ monitorId: z.string().min(1).max(64).optional() })
  .strict()
  .optional();

const artworkTarget = z.object({ artworkId: z.string().min(1).max(MAX_ARTWORK_ID_LENGTH) }).strict();
type ArtworkTarget = typeof artworkTarget;

const pickerBrowseRequest = z
  .object({
    /** `recent`, `favorites`, or a category name. */
    chip: z.string().min(1).max(64),
    offset: z.number().int().min(0).max(100_000),
    limit: z.number().int().min(1).max(MAX_PICKER_PAGE),
  })
  .strict();

const pickerSearchRequest = z
  .object({
    query: z.string().max(MAX_PICKER_QUERY),
    category: z.string().min(1).max(64).optional(),
  })
  .strict();

const pickerCopyRequest = z
  .object({
    artworkId: z.string().min(1).max(MAX_ARTWORK_ID_LENGTH),
    /** An explicit mode (the context menu); absent = the settings' `copyMode`. */
    mode: z.enum(COPY_MODES).optional(),
    /** The settings' `alternateCopyMode` (Shift+Enter); ignored when `mode` is given. */
    alternate: z.boolean().optional(),
  })
  .strict();

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
  'picker:browse': call<PickerPage, typeof pickerBrowseRequest>(pickerBrowseRequest),
  'picker:chips': call<PickerChip[]>(),
  /** Puts an artwork on the clipboard; answers the mode used. */
  'picker:copy': call<PickerCopied, typeof pickerCopyRequest>(pickerCopyRequest),
  /** Hides the picker window (Esc). */
  'picker:hide': call<null>(),
  /** Makes (once) the previews of artworks the picker has listed, for the tiles it shows. */
  'picker:previews': call<PickerPreview[], z.ZodObject<{ artworkIds: z.ZodArray<z.ZodString> }>>(
    z
      .object({
        artworkIds: z.array(z.string().min(1).max(MAX_ARTWORK_ID_LENGTH)).min(1).max(MAX_PICKER_PAGE),
      })
      .strict(),
  ),
  'picker:search': call<PickerSearchAnswer, typeof pickerSearchRequest>(pickerSearchRequest),
  /** Waits for nekos.best's answer to search `seq` (debounced in the core). */
  'picker:search-remote': call<PickerRemoteAnswer, z.ZodObject<{ seq: z.ZodNumber }>>(
    z.object({ seq: z.number().int().min(0) }).strict(),
  ),
  /** Starts dragging an artwork's file out of the picker (sent on dragstart). */
  'picker:start-drag': call<null, ArtworkTarget>(artworkTarget),
  'picker:toggle-favorite': call<PickerFavorite, ArtworkTarget>(artworkTarget),
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
