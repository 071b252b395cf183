import type { Artwork } from '../artwork';
import type { Clock } from '../clock';
import type { ErrorPayload } from '../errors';
import type { Library } from '../library';
import type { WallpaperSettings, WallpaperSource } from '../settings/settings-schema';
import type { ComposedWallpaper, Monitor } from '../wallpaper/types';

/** An artwork with its downloaded file. */
export interface ArtworkFile {
  artwork: Artwork;
  file: string;
}

/** What the rotation needs from the rest of the core (and the shell), passed in so it can be tested alone. */
export interface RotationPorts<TComposed extends { spanFile: string } = ComposedWallpaper> {
  clock: Clock;
  /** The monitors now, in the order `compose` expects. */
  monitors(): Promise<Monitor[]>;
  /**
   * Up to `count` artworks from one source (see `clientCandidates`): Nekosia with this installation's
   * session, nekos.best, or the favorites. Fails with a `NekodeskError` (`offline` when there is no network).
   */
  candidates(source: WallpaperSource, count: number, signal?: AbortSignal): Promise<Artwork[]>;
  /** The artwork's local file, downloading it when it is not cached (the download cache). */
  download(artwork: Artwork, signal?: AbortSignal): Promise<string>;
  /** The artwork's local file only if already downloaded, without the network (offline rotation). */
  cachedFile?(artwork: Artwork): Promise<string | null>;
  /** One image for the whole desktop from one artwork per monitor (same order as `monitors`); new files each call. */
  compose(monitors: Monitor[], picks: ArtworkFile[]): Promise<TComposed>;
  /** Sets the composed wallpaper (the setter). */
  apply(composed: TComposed): Promise<void>;
  library: Library;
  settings(): WallpaperSettings;
  /** Every change of state: for the tray and the UI. */
  onChange?(state: RotationState): void;
  /** Every failure, also those the rotation recovered from (a source that failed while another answered). */
  onError?(error: RotationError): void;
  /** Uniform in [0, 1); default `Math.random` (tests pass `seededRandom`). */
  random?(): number;
}

/** What is on one monitor now. `monitorId` is null for entries read back from an old history without it. */
export interface ShownWallpaper {
  monitorId: string | null;
  artwork: Artwork;
}

export type RotationStatus = 'stopped' | 'running' | 'paused';

export type RotationStep = 'change' | 'prefetch' | 'source' | 'download' | 'history' | 'previous';

export interface RotationError extends ErrorPayload {
  step: RotationStep;
  /** The source that failed (`nekosia:catgirl`, `nekos.best:neko`, `favorites`), when one did. */
  source?: string;
  at: number;
}

export interface RotationState {
  status: RotationStatus;
  current: ShownWallpaper[];
  /** When the next change is due (epoch ms); null while paused or stopped. */
  nextDueAt: number | null;
  /** Upcoming wallpapers ready to apply at once. */
  prefetched: number;
  /** A change or a prefetch is under way. */
  busy: boolean;
  /** The last attempt found no network: rotating through downloaded history and favorites. */
  offline: boolean;
  /** Changes that failed in a row (the retry waits longer each time). */
  failures: number;
  lastError: RotationError | null;
}
