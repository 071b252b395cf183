import type { Artwork } from '../artwork';
import { isNekodeskError, NekodeskError, type ErrorCode } from '../errors';
import type { LibraryData } from '../library';
import type { WallpaperSettings, WallpaperSource } from '../settings/settings-schema';
import type { Monitor } from '../wallpaper/types';
import { CandidatePools } from './candidate-pool';
import {
  BEST_FIT,
  bestForMonitor,
  isAllowed,
  orientationFit,
  rulesFrom,
  type CandidateRules,
} from './candidate-rules';
import { recencyRanks, leastRecentlyShown, libraryArtworks } from './recency';
import type { ArtworkFile, RotationPorts, RotationStep } from './rotation-ports';
import { SourceHealth } from './source-health';
import { sourceLabel, weightedSourceOrder } from './source-order';

/** The ports the preparer uses. */
export type PreparerPorts = Pick<RotationPorts, 'candidates' | 'download' | 'cachedFile' | 'clock'>;

export interface PrepareRequest {
  monitors: readonly Monitor[];
  settings: WallpaperSettings;
  library: Readonly<LibraryData>;
  /** Artworks already on screen or queued: not picked again. */
  taken: ReadonlySet<string>;
  /** When every source fails, show downloaded history items and favorites instead (not for prefetching). */
  allowLocal: boolean;
  signal: AbortSignal;
}

export interface PreparedPicks {
  /** One per monitor, in the monitors' order. */
  picks: ArtworkFile[];
  /** Some pick came from the downloaded history or favorites because the sources failed. */
  local: boolean;
  /** A source or a download found no network. */
  offline: boolean;
}

export type ReportError = (step: RotationStep, error: unknown, source?: string) => void;

interface Choice {
  artwork: Artwork;
  /** Already local (offline rotation): no download needed. */
  file?: string;
  local: boolean;
}

/** One preparation's working state. */
interface Attempt {
  request: PrepareRequest;
  rules: CandidateRules;
  /** Shown before: network sources never repeat these. */
  shown: ReadonlySet<string>;
  /** Position in the history of each artwork shown (0 = the last one). */
  recency: ReadonlyMap<string, number>;
  /** Taken by this set or elsewhere. */
  used: Set<string>;
  errors: unknown[];
  networkDown: boolean;
  offline: boolean;
  local: boolean;
}

const MAX_DOWNLOAD_ATTEMPTS = 3;
/** Batches asked of one source for one monitor when none of what it sent passes the filters. */
const MAX_FETCHES_PER_PICK = 2;

/**
 * Picks one artwork per monitor and downloads it: a weighted draw of the source per monitor, falling back to
 * the other sources; candidates filtered by bans, blacklisted tags, rating and history; the best orientation
 * fit preferred; offline, the downloaded history and favorites.
 */
export class SetPreparer {
  readonly pools: CandidatePools;
  readonly health: SourceHealth;
  readonly #ports: PreparerPorts;
  readonly #random: () => number;
  readonly #report: ReportError;
  readonly #batchSize: number;
  /** Picked by a preparation still running (a prefetch and a `next()` may run together). */
  readonly #inFlight = new Set<string>();

  constructor(
    ports: PreparerPorts,
    options: { random: () => number; report: ReportError; batchSize: number },
  ) {
    this.#ports = ports;
    this.#random = options.random;
    this.#report = options.report;
    this.#batchSize = options.batchSize;
    this.pools = new CandidatePools(options.batchSize * 3);
    this.health = new SourceHealth(() => ports.clock.now());
  }

  async prepare(request: PrepareRequest): Promise<PreparedPicks> {
    const attempt: Attempt = {
      request,
      rules: rulesFrom(
        request.settings,
        request.library.bans.map((ban) => ban.id),
      ),
      shown: new Set(request.library.history.map((entry) => entry.artwork.id)),
      recency: recencyRanks(request.library.history),
      used: new Set(request.taken),
      errors: [],
      networkDown: false,
      offline: false,
      local: false,
    };
    const mine: string[] = [];
    const reserve = (choice: Choice): Choice => {
      attempt.used.add(choice.artwork.id);
      this.#inFlight.add(choice.artwork.id);
      mine.push(choice.artwork.id);
      return choice;
    };
    try {
      // Choose for every monitor first (in order, so no artwork is used twice), downloading all at once.
      const pending: { choice: Choice; file: Promise<Settled> }[] = [];
      for (const monitor of request.monitors) {
        const choice = reserve(await this.#choose(monitor, attempt));
        pending.push({ choice, file: this.#fileOf(choice, request.signal) });
      }
      const picks: ArtworkFile[] = [];
      for (const [index, monitor] of request.monitors.entries()) {
        const entry = pending[index];
        if (entry === undefined) throw new Error('Picks out of step with monitors.');
        let { choice } = entry;
        let settled = await entry.file;
        for (let tries = 1; !settled.ok && tries < MAX_DOWNLOAD_ATTEMPTS; tries++) {
          this.#downloadFailed(settled.error, attempt);
          choice = reserve(await this.#choose(monitor, attempt));
          settled = await this.#fileOf(choice, request.signal);
        }
        if (!settled.ok) {
          this.#downloadFailed(settled.error, attempt);
          throw settled.error;
        }
        if (choice.local) attempt.local = true;
        picks.push({ artwork: choice.artwork, file: settled.file });
      }
      return { picks, local: attempt.local, offline: attempt.offline };
    } finally {
      for (const id of mine) this.#inFlight.delete(id);
    }
  }

  async #choose(monitor: Monitor, attempt: Attempt): Promise<Choice> {
    const { request } = attempt;
    const order = weightedSourceOrder(request.settings.sources, this.#random, (source) =>
      this.health.coolingDown(sourceLabel(source)),
    );
    for (const source of order) {
      if (attempt.networkDown && source.kind !== 'favorites') continue;
      const label = sourceLabel(source);
      try {
        const artwork =
          source.kind === 'favorites'
            ? await this.#fromFavorites(source, monitor, attempt)
            : await this.#fromNetwork(source, label, monitor, attempt);
        this.health.succeeded(label);
        if (artwork !== undefined) return { artwork, local: false };
        attempt.errors.push(
          new NekodeskError('not_found', `${label} has nothing new that passes your filters.`),
        );
      } catch (error) {
        if (request.signal.aborted) throw error;
        this.health.failed(label);
        attempt.errors.push(error);
        if (codeOf(error) === 'offline') {
          attempt.offline = true;
          attempt.networkDown = true;
        }
        this.#report('source', error, label);
      }
    }
    // Only when sources failed: a source that answered with nothing new must not bring back a recent one.
    if (request.allowLocal && attempt.errors.some((error) => codeOf(error) !== 'not_found')) {
      const local = await this.#fromLibrary(monitor, attempt);
      if (local !== undefined) return local;
    }
    throw nothingToShow(attempt);
  }

  async #fromNetwork(
    source: WallpaperSource,
    label: string,
    monitor: Monitor,
    attempt: Attempt,
  ): Promise<Artwork | undefined> {
    const accept = (artwork: Artwork): boolean =>
      isAllowed(artwork, attempt.rules) && !attempt.shown.has(artwork.id) && this.#free(artwork, attempt);
    const pooled = this.pools.take(label, accept, monitor);
    if (pooled !== undefined && orientationFit(pooled, monitor) === BEST_FIT) return pooled;
    // Nothing pooled, or nothing that fits this monitor: ask for more and choose among all of them.
    for (let fetches = 0; fetches < MAX_FETCHES_PER_PICK; fetches++) {
      let fresh: Artwork[];
      try {
        fresh = await this.#ports.candidates(source, this.#batchSize, attempt.request.signal);
      } catch (error) {
        if (pooled === undefined || attempt.request.signal.aborted) throw error;
        // A candidate that does not fit the monitor beats none.
        this.#report('source', error, label);
        return pooled;
      }
      this.pools.add(label, pooled === undefined ? fresh : [pooled, ...fresh]);
      const best = this.pools.take(label, accept, monitor);
      if (best !== undefined) return best;
    }
    return undefined;
  }

  async #fromFavorites(
    source: WallpaperSource,
    monitor: Monitor,
    attempt: Attempt,
  ): Promise<Artwork | undefined> {
    const favorites = await this.#ports.candidates(source, this.#batchSize, attempt.request.signal);
    const usable = favorites.filter(
      (artwork) => isAllowed(artwork, attempt.rules) && this.#free(artwork, attempt),
    );
    return bestForMonitor(
      leastRecentlyShown(usable, attempt.recency).map((artwork) => ({ artwork })),
      monitor,
    )?.artwork;
  }

  /** Offline (or every source failing): a downloaded artwork from the favorites or the history. */
  async #fromLibrary(monitor: Monitor, attempt: Attempt): Promise<Choice | undefined> {
    const usable = libraryArtworks(attempt.request.library).filter(
      (artwork) => isAllowed(artwork, attempt.rules) && this.#free(artwork, attempt),
    );
    const ranked = leastRecentlyShown(usable, attempt.recency);
    const rest = usable.filter((artwork) => !ranked.includes(artwork));
    // Prefer the least recently shown and the best fit, but take anything that is on disk.
    const byFit = [...ranked].sort((a, b) => orientationFit(b, monitor) - orientationFit(a, monitor));
    for (const artwork of [...byFit, ...rest]) {
      const file = await this.#localFile(artwork);
      if (file !== null) return { artwork, file, local: true };
    }
    return undefined;
  }

  async #localFile(artwork: Artwork): Promise<string | null> {
    try {
      if (this.#ports.cachedFile) return await this.#ports.cachedFile(artwork);
      return await this.#ports.download(artwork);
    } catch {
      return null;
    }
  }

  #free(artwork: Artwork, attempt: Attempt): boolean {
    return !attempt.used.has(artwork.id) && !this.#inFlight.has(artwork.id);
  }

  #fileOf(choice: Choice, signal: AbortSignal): Promise<Settled> {
    const work =
      choice.file === undefined ? this.#ports.download(choice.artwork, signal) : Promise.resolve(choice.file);
    return work.then(
      (file) => ({ ok: true, file }),
      (error: unknown) => ({ ok: false, error }),
    );
  }

  #downloadFailed(error: unknown, attempt: Attempt): void {
    if (attempt.request.signal.aborted) throw error;
    attempt.errors.push(error);
    if (codeOf(error) === 'offline') {
      attempt.offline = true;
      attempt.networkDown = true;
    }
    this.#report('download', error);
  }
}

type Settled = { ok: true; file: string } | { ok: false; error: unknown };

function codeOf(error: unknown): ErrorCode | null {
  return isNekodeskError(error) ? error.code : null;
}

/** The one error that says why no wallpaper could be picked. */
function nothingToShow(attempt: Attempt): NekodeskError {
  if (attempt.offline) {
    return new NekodeskError(
      'offline',
      attempt.request.allowLocal
        ? 'No network, and no downloaded wallpaper is left to show.'
        : 'No network: the next wallpaper could not be fetched.',
    );
  }
  const failure = attempt.errors.find((error) => codeOf(error) !== 'not_found');
  if (failure !== undefined) {
    const message = failure instanceof Error ? failure.message : 'Every wallpaper source failed.';
    return new NekodeskError(
      codeOf(failure) ?? 'upstream_error',
      `No wallpaper source answered: ${message}`,
      {
        cause: failure,
      },
    );
  }
  if (attempt.request.settings.sources.every((source) => source.weight <= 0)) {
    return new NekodeskError('invalid_input', 'No wallpaper source is enabled; give one a weight above 0.');
  }
  return new NekodeskError(
    'not_found',
    'No new wallpaper passes your sources and filters (bans, blacklisted tags, rating, history).',
  );
}
