/**
 * The renderer's only way to main: `window.nekodesk`, put there by the preload (Electron) or by the
 * web bridge (browser harness). Its type comes from the contract itself, never from a hand-kept list.
 */
import type { NekodeskApi } from '../../../preload/api-factory';
import type { CallResponse, CallResult } from '../../../preload/contract';

export type { NekodeskApi };
export type {
  AppInfo,
  Artwork,
  CategoryInfo,
  CopyMode,
  CurrentWallpaper,
  HistoryPage,
  LibraryItem,
  NekosiaTagList,
  Notice,
  PickerChip,
  PickerItem,
  PickerPage,
  WallpaperState,
} from '../../../preload/contract';
export type Settings = CallResponse<'settings:get'>;
export type SettingsPatch = Parameters<NekodeskApi['settings']['update']>[0];
/** The error every call can answer with: `code` to act on, `message` to show, `retryAfter` for rate limits. */
export type ErrorPayload = Extract<CallResult<'app:info'>, { ok: false }>['error'];
export type ErrorCode = ErrorPayload['code'];
/** What every call answers (the contract's Result, for any response type). */
export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorPayload };

declare global {
  interface Window {
    /** Missing only when the page is opened outside Nekodesk (no preload, no harness bridge). */
    readonly nekodesk?: NekodeskApi;
  }
}

/** `window.nekodesk`, or null when the page runs without a bridge. */
export function findApi(): NekodeskApi | null {
  return window.nekodesk ?? null;
}
