/**
 * The screenshot-identification calls (`identify:*`, `capture:*`, `app:hotkeys`) in terms of the core's
 * `IdentifyService` (main/core/identify) and what only a shell can do: read the clipboard's image, let the
 * person select a screen region, report its global hotkeys. Each missing capability answers `internal`
 * ("not available here") instead of failing to build, as the picker calls do.
 */
import type {
  CaptureSource,
  HotkeyStatuses,
  IdentifyAccount,
  IdentifyHistoryPage,
  IdentifyRankingsPage,
  IdentifyRecentPage,
  IdentifyResult,
  IdentifySource,
  RankingPeriod,
} from '../preload/contract';
import { NekodeskError } from './core/errors';
import type { WhatAnimeApiKeyPage, WhatAnimeCredits } from './core/sources/whatanime/types';
import type { Handlers } from './ipc-dispatch';

/** What the calls need of the core: `IdentifyService` of main/core/identify fits structurally. */
export interface IdentifyPort {
  /** Cleans the image (rotate, crop borders, ≤1280 px, JPEG, no metadata) and identifies it. */
  identifyImage(image: Uint8Array, meta: { name: string; source: IdentifySource }): Promise<IdentifyResult>;
  /** Identifies a public http(s) image URL. */
  identifyUrl(url: string): Promise<IdentifyResult>;
  history(page: { offset: number; limit: number }): Promise<IdentifyHistoryPage>;
  /** Deletes one entry, or every entry when `id` is undefined; answers the first page left. */
  deleteHistory(id: string | undefined, page: { limit: number }): Promise<IdentifyHistoryPage>;
  rankings(period: RankingPeriod, page: { offset: number; limit: number }): Promise<IdentifyRankingsPage>;
  recent(page: { offset: number; limit: number }): Promise<IdentifyRecentPage>;
  account(): Promise<IdentifyAccount>;
  setApiKey(key: string): Promise<IdentifyAccount>;
  signIn(email: string, password: string): Promise<IdentifyAccount>;
  signOut(): Promise<IdentifyAccount>;
  credits(): Promise<WhatAnimeCredits>;
  apiKeys(page: number): Promise<WhatAnimeApiKeyPage>;
  /** Creates a key on the signed-in account and keeps it for searches; the key itself never leaves main. */
  createApiKey(title: string): Promise<IdentifyAccount>;
}

/** The region overlay's side of a capture (the Electron shell's capture controller). */
export interface CapturePort {
  /** Hides the app, shows the overlay, and resolves with the selected region as PNG bytes, or null. */
  captureRegion(): Promise<Uint8Array | null>;
  /** The overlay's screenshot. */
  source(): Promise<CaptureSource>;
  /** The overlay's answer. */
  finish(region: { x: number; y: number; width: number; height: number } | null): Promise<void>;
}

export interface IdentifyHandlerDeps {
  /** The identification core, once it is open. */
  identify?(): Promise<IdentifyPort>;
  /** The clipboard's image as bytes (PNG), or null when it holds none. */
  readClipboardImage?(): Promise<Uint8Array | null>;
  capture?: CapturePort;
  /** The global hotkeys' states. */
  hotkeys?(): HotkeyStatuses;
}

/** The first history page answered after a deletion. */
export const HISTORY_FIRST_PAGE = 20;

type IdentifyHandlers = Pick<
  Handlers,
  | 'app:hotkeys'
  | 'capture:finish'
  | 'capture:source'
  | 'identify:account'
  | 'identify:api-keys'
  | 'identify:capture'
  | 'identify:clipboard'
  | 'identify:create-api-key'
  | 'identify:credits'
  | 'identify:delete-history'
  | 'identify:history'
  | 'identify:image'
  | 'identify:rankings'
  | 'identify:recent'
  | 'identify:set-api-key'
  | 'identify:sign-in'
  | 'identify:sign-out'
  | 'identify:url'
>;

export function createIdentifyHandlers(deps: IdentifyHandlerDeps): IdentifyHandlers {
  const identify = async (): Promise<IdentifyPort> => {
    if (!deps.identify) throw unavailable('Screenshot identification');
    return deps.identify();
  };
  const capture = (): CapturePort => {
    if (!deps.capture) throw unavailable('Capturing a screen region');
    return deps.capture;
  };
  return {
    'app:hotkeys': () => {
      if (!deps.hotkeys) throw unavailable('Global hotkeys');
      return deps.hotkeys();
    },
    'capture:source': () => capture().source(),
    'capture:finish': async ({ region }) => {
      await capture().finish(region);
      return null;
    },
    'identify:image': async ({ data, name, source }) =>
      (await identify()).identifyImage(data, { name, source }),
    'identify:url': async ({ url }) => (await identify()).identifyUrl(url),
    'identify:clipboard': async () => {
      if (!deps.readClipboardImage) throw unavailable('Reading the clipboard');
      const image = await deps.readClipboardImage();
      if (image === null)
        throw new NekodeskError(
          'invalid_input',
          'The clipboard holds no image. Copy a screenshot (or an image) first, then try again.',
        );
      return (await identify()).identifyImage(image, { name: 'Clipboard image', source: 'clipboard' });
    },
    'identify:capture': async () => {
      const image = await capture().captureRegion();
      if (image === null) return null;
      return (await identify()).identifyImage(image, { name: 'Screen region', source: 'capture' });
    },
    'identify:history': async (page) => (await identify()).history(page),
    'identify:delete-history': async ({ id }) =>
      (await identify()).deleteHistory(id, { limit: HISTORY_FIRST_PAGE }),
    'identify:rankings': async ({ period, offset, limit }) =>
      (await identify()).rankings(period, { offset, limit }),
    'identify:recent': async (page) => (await identify()).recent(page),
    'identify:account': async () => (await identify()).account(),
    'identify:set-api-key': async ({ key }) => (await identify()).setApiKey(key),
    'identify:sign-in': async ({ email, password }) => (await identify()).signIn(email, password),
    'identify:sign-out': async () => (await identify()).signOut(),
    'identify:credits': async () => (await identify()).credits(),
    'identify:api-keys': async ({ page }) => (await identify()).apiKeys(page),
    'identify:create-api-key': async ({ title }) => (await identify()).createApiKey(title),
  };
}

function unavailable(what: string): NekodeskError {
  return new NekodeskError('internal', `${what} is not available here.`);
}
