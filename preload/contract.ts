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
import {
  RANKING_PERIODS,
  type RankingPeriod,
  type WhatAnimeApiKeyPage,
  type WhatAnimeCandidate,
  type WhatAnimeCredits,
} from '../main/core/sources/whatanime/types';
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

/** One global hotkey's state, for the settings page (the shell's `GlobalHotkey.status()`). */
export interface HotkeyStatusInfo {
  state: 'registered' | 'taken' | 'invalid' | 'unsupported' | 'off';
  /** The setting's accelerator (null when the hotkey is off). */
  accelerator: string | null;
  /** What to tell the person (empty when registered or off). */
  message: string;
}

export interface HotkeyStatuses {
  picker: HotkeyStatusInfo;
  identify: HotkeyStatusInfo;
  /** Accelerators to offer when one is taken. */
  suggestions: string[];
  /** A Wayland session: apps cannot grab keys; bind a desktop shortcut to `command` instead. */
  wayland: boolean;
  /** The command a desktop shortcut runs to show the picker (`nekodesk picker`, or the app with `--picker`). */
  pickerCommand: string;
}

export const MAX_PICKER_PAGE = 60;
export const MAX_PICKER_QUERY = 100;

/** Artwork ids are short (`nekosia:…`, `nekos.best:…`); the library caps ban ids at this length too. */
export const MAX_ARTWORK_ID_LENGTH = 300;
export const MAX_HISTORY_PAGE = 100;

// ---- Screenshot identification (issue 5) ----

/** How an image reached identification: dropped, picked in a file dialog, pasted, the clipboard, a region capture. */
export const IDENTIFY_IMAGE_SOURCES = ['drop', 'pick', 'paste', 'capture'] as const;
export type IdentifyImageSource = (typeof IDENTIFY_IMAGE_SOURCES)[number];
export type IdentifySource = IdentifyImageSource | 'url' | 'clipboard';

/** Images larger than this are refused before any request (whatanimeisthis.com's own limit is 25 MB). */
export const MAX_IDENTIFY_BYTES = 25 * 1024 * 1024;
/** Candidates below this similarity are marked unlikely. */
export const LIKELY_SIMILARITY = 0.87;
export const MAX_IDENTIFY_PAGE = 50;
export { RANKING_PERIODS };
export type { RankingPeriod };

/**
 * A candidate as the renderer sees it: the service's answer (titles, episode, the moment in seconds, similarity
 * 0–1) with its remote preview URLs replaced by cached copies.
 */
export interface IdentifyCandidate extends Omit<
  WhatAnimeCandidate,
  'previewImage' | 'previewVideo' | 'fileName'
> {
  /** similarity ≥ LIKELY_SIMILARITY. */
  likely: boolean;
  /** The preview still, downloaded into the cache (`nekodesk://cache/<key>`); never a remote URL. Null if none. */
  imageUrl: string | null;
  /** The preview clip, the same way. */
  videoUrl: string | null;
  /** The anime's page (AniList, https), or null. */
  link: string | null;
}

export interface IdentifyQuota {
  remaining: number;
  limit: number;
}

/** What was uploaded after cleaning (auto-rotated, borders cropped, ≤1280 px, JPEG, no metadata). */
export interface IdentifyUpload {
  originalBytes: number;
  bytes: number;
  width: number;
  height: number;
  /** Black letterbox borders were cropped. */
  cropped: boolean;
}

export interface IdentifyResult {
  /** A local id (history entries use it). */
  id: string;
  /** Epoch ms. */
  at: number;
  source: IdentifySource;
  /** The file's name, or the URL, or "Clipboard image". */
  label: string;
  /** Best first, up to five. */
  candidates: IdentifyCandidate[];
  /** Guest searches left today, when the service said. */
  quota: IdentifyQuota | null;
  /** Null for a search by URL. */
  upload: IdentifyUpload | null;
  /** The cleaned image as uploaded, through the cache protocol; null for a URL search. */
  imageUrl: string | null;
}

export interface IdentifyHistoryPage {
  items: IdentifyResult[];
  total: number;
}

export interface IdentifyRanking {
  rank: number;
  title: string;
  titleNative: string | null;
  count: number | null;
  isAdult: boolean;
  /** The cover, downloaded into the cache; null if none. */
  coverUrl: string | null;
  link: string | null;
}

export interface IdentifyRankingsPage {
  period: RankingPeriod;
  items: IdentifyRanking[];
  offset: number;
  /** Entries in the period after hiding adult ones. */
  total: number;
  /** Adult entries hidden by the settings. */
  hiddenAdult: number;
}

export interface IdentifyRecentItem {
  id: string;
  title: string;
  episode: number | string | null;
  at: number | null;
  similarity: number | null;
  /** Downloaded into the cache; null if none. */
  imageUrl: string | null;
  createdAt: string | null;
}

export interface IdentifyRecentPage {
  items: IdentifyRecentItem[];
  offset: number;
  limit: number;
  total: number | null;
}

export interface IdentifyAccount {
  kind: 'guest' | 'api-key' | 'session';
  /** The stored API key, masked (`ta_…1f2e`); the key itself never leaves main. */
  maskedKey: string | null;
  /** The signed-in email, for `session`. */
  email: string | null;
  /** The last known guest or key quota. */
  quota: IdentifyQuota | null;
  /** Secrets can be stored encrypted here; when false, keys and sign-in are refused (with this explained). */
  secureStorage: boolean;
}

export type { WhatAnimeApiKeyPage as IdentifyApiKeyPage, WhatAnimeCredits as IdentifyCredits };

/** The region overlay's screenshot of the display under the pointer. */
export interface CaptureSource {
  /** The screenshot (a data-free URL: `nekodesk://cache/<key>` of a temporary capture). */
  imageUrl: string;
  width: number;
  height: number;
}

const identifyImageRequest = z
  .object({
    data: z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= MAX_IDENTIFY_BYTES, {
      message: 'The image is larger than 25 MB.',
    }),
    /** The file's name, for the history (a label only: main never opens it). */
    name: z.string().max(260),
    source: z.enum(IDENTIFY_IMAGE_SOURCES),
  })
  .strict();

const pageRequest = z
  .object({
    offset: z.number().int().min(0).max(1_000_000),
    limit: z.number().int().min(1).max(MAX_IDENTIFY_PAGE),
  })
  .strict();

const rankingsRequest = pageRequest.extend({ period: z.enum(RANKING_PERIODS) }).strict();

const signInRequest = z.object({ email: z.email().max(254), password: z.string().min(1).max(1024) }).strict();

const captureRegion = z
  .object({
    x: z.number().int().min(0).max(100_000),
    y: z.number().int().min(0).max(100_000),
    width: z.number().int().min(1).max(100_000),
    height: z.number().int().min(1).max(100_000),
  })
  .strict();

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
  /** The global hotkeys' states (registered, taken, Wayland), for the settings page. */
  'app:hotkeys': call<HotkeyStatuses>(),
  'app:info': call<AppInfo>(),
  /** The region overlay asks for its screenshot. */
  'capture:source': call<CaptureSource>(),
  /** The region overlay's answer: a region of the screenshot (in its pixels), or null when cancelled. */
  'capture:finish': call<null, z.ZodObject<{ region: z.ZodNullable<typeof captureRegion> }>>(
    z.object({ region: captureRegion.nullable() }).strict(),
  ),
  'identify:account': call<IdentifyAccount>(),
  /** Lists the signed-in account's API keys. */
  'identify:api-keys': call<WhatAnimeApiKeyPage, z.ZodObject<{ page: z.ZodNumber }>>(
    z.object({ page: z.number().int().min(1).max(10_000) }).strict(),
  ),
  /** Hides the main window, lets the person select a screen region, and identifies it; null when cancelled. */
  'identify:capture': call<IdentifyResult | null>(),
  /** Identifies the image on the clipboard. */
  'identify:clipboard': call<IdentifyResult>(),
  /** Creates an API key on the signed-in account and keeps it (encrypted) for searches. */
  'identify:create-api-key': call<IdentifyAccount, z.ZodObject<{ title: z.ZodString }>>(
    z.object({ title: z.string().trim().min(1).max(64) }).strict(),
  ),
  'identify:credits': call<WhatAnimeCredits>(),
  /** Deletes one history entry, or all of them when `id` is absent; answers the first page left. */
  'identify:delete-history': call<IdentifyHistoryPage, z.ZodObject<{ id: z.ZodOptional<z.ZodString> }>>(
    z.object({ id: z.string().min(1).max(100).optional() }).strict(),
  ),
  'identify:history': call<IdentifyHistoryPage, typeof pageRequest>(pageRequest),
  /** Identifies image bytes (dropped, picked, pasted). */
  'identify:image': call<IdentifyResult, typeof identifyImageRequest>(identifyImageRequest),
  'identify:rankings': call<IdentifyRankingsPage, typeof rankingsRequest>(rankingsRequest),
  'identify:recent': call<IdentifyRecentPage, typeof pageRequest>(pageRequest),
  /** Stores an API key (encrypted); answers the account with the key masked. */
  'identify:set-api-key': call<IdentifyAccount, z.ZodObject<{ key: z.ZodString }>>(
    z.object({ key: z.string().trim().min(8).max(200) }).strict(),
  ),
  'identify:sign-in': call<IdentifyAccount, typeof signInRequest>(signInRequest),
  /** Forgets the API key and the session. */
  'identify:sign-out': call<IdentifyAccount>(),
  /** Identifies a public image URL (http(s)). */
  'identify:url': call<IdentifyResult, z.ZodObject<{ url: z.ZodString }>>(
    z.object({ url: z.string().trim().max(4096) }).strict(),
  ),
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
  /** An identification started from the tray or the hotkey finished: the main window shows it. */
  'identify:result': event<IdentifyResult>(),
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
