import type { Artwork } from '../../../main/core/artwork';
import type { Clock } from '../../../main/core/clock';
import { NekodeskError, type ErrorCode } from '../../../main/core/errors';
import { Library } from '../../../main/core/library';
import {
  Rotation,
  seededRandom,
  sourceLabel,
  type ArtworkFile,
  type RotationError,
  type RotationOptions,
  type RotationPorts,
  type RotationState,
} from '../../../main/core/rotation';
import {
  wallpaperSettingsSchema,
  type WallpaperSettings,
  type WallpaperSource,
} from '../../../main/core/settings/settings-schema';
import type { Monitor } from '../../../main/core/wallpaper/types';
import { FakeClock } from '../../support/fake-clock';
import { makeArtwork } from '../library/make-artwork';

/** The FakeClock plus wall-clock jumps (suspend, NTP, a person changing the time) that fire no timer. */
export class JumpClock implements Clock {
  readonly fake = new FakeClock();
  #offset = 0;

  now(): number {
    return this.fake.now() + this.#offset;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return this.fake.sleep(ms, signal);
  }

  /** The wall clock moves by `ms` (either way); the timers do not notice. */
  jump(ms: number): void {
    this.#offset += ms;
  }

  async advance(ms: number): Promise<void> {
    await this.fake.advance(ms);
  }
}

export interface FakeComposed {
  spanFile: string;
  ids: string[];
}

export const LANDSCAPE: Monitor = { id: 'DP-1', x: 0, y: 0, width: 2560, height: 1440, primary: true };
export const PORTRAIT: Monitor = { id: 'HDMI-1', x: 2560, y: 0, width: 1080, height: 1920 };

export const NEKOSIA: WallpaperSource = { kind: 'nekosia', category: 'catgirl', tags: [], weight: 1 };
export const NEKOS_BEST: WallpaperSource = { kind: 'nekos.best', category: 'neko', weight: 1 };
export const FAVORITES: WallpaperSource = { kind: 'favorites', weight: 1 };

/** Every port of the rotation as a small in-memory fake, with counters to check what happened. */
export class FakeWorld {
  readonly clock = new JumpClock();
  readonly library: Library;
  monitors: Monitor[] = [LANDSCAPE];
  settings: WallpaperSettings;
  /** Artworks each source gives, made on demand; override per source to shape the candidates. */
  readonly makers = new Map<string, (n: number) => Artwork>();
  /** Sources that fail, with the error code. */
  readonly failing = new Map<string, ErrorCode>();
  /** No network: candidates fail and only cached artworks can be had. */
  offline = false;
  readonly cache = new Map<string, string>();
  readonly candidateCalls: string[] = [];
  readonly downloads: string[] = [];
  readonly composes: string[][] = [];
  readonly applied: FakeComposed[] = [];
  readonly errors: RotationError[] = [];
  readonly states: RotationState[] = [];
  /** Called inside `apply` (to hold it, or fail it). */
  applyHook: ((composed: FakeComposed) => Promise<void>) | null = null;
  readonly #served = new Map<string, number>();

  constructor(settings: Partial<WallpaperSettings> = {}) {
    this.settings = wallpaperSettingsSchema.parse({ sources: [NEKOSIA], intervalMinutes: 30, ...settings });
    this.library = Library.inMemory({
      now: () => this.clock.now(),
      historyLimit: () => this.settings.historyLimit,
    });
  }

  ports(random: () => number = seededRandom(42)): RotationPorts<FakeComposed> {
    return {
      clock: this.clock,
      monitors: () => Promise.resolve(this.monitors.map((monitor) => ({ ...monitor }))),
      candidates: (source, count) => this.#candidates(source, count),
      download: (artwork) => {
        const cached = this.cache.get(artwork.id);
        if (cached !== undefined) return Promise.resolve(cached);
        if (this.offline) return Promise.reject(new NekodeskError('offline', 'No network.'));
        this.downloads.push(artwork.id);
        const file = `/cache/${artwork.id}.png`;
        this.cache.set(artwork.id, file);
        return Promise.resolve(file);
      },
      cachedFile: (artwork) => Promise.resolve(this.cache.get(artwork.id) ?? null),
      compose: (_monitors, picks: ArtworkFile[]) => {
        const ids = picks.map((pick) => pick.artwork.id);
        this.composes.push(ids);
        return Promise.resolve({ spanFile: `/composed/${this.composes.length}.jpg`, ids });
      },
      apply: async (composed) => {
        if (this.applyHook) await this.applyHook(composed);
        this.applied.push(composed);
      },
      library: this.library,
      settings: () => this.settings,
      onChange: (state) => this.states.push(state),
      onError: (error) => this.errors.push(error),
      random,
    };
  }

  rotation(options: RotationOptions = {}, random?: () => number): Rotation<FakeComposed> {
    return new Rotation(this.ports(random), options);
  }

  /** Ids applied, one list per change. */
  appliedIds(): string[][] {
    return this.applied.map((composed) => composed.ids);
  }

  lastApplied(): string[] {
    return this.applied.at(-1)?.ids ?? [];
  }

  async #candidates(source: WallpaperSource, count: number): Promise<Artwork[]> {
    const label = sourceLabel(source);
    this.candidateCalls.push(label);
    const failure = this.failing.get(label);
    if (this.offline && source.kind !== 'favorites') throw new NekodeskError('offline', 'No network.');
    if (failure !== undefined) throw new NekodeskError(failure, `${label} failed (${failure}).`);
    if (source.kind === 'favorites') return (await this.library.favorites()).map((entry) => entry.artwork);
    const make = this.makers.get(label) ?? ((n: number) => defaultArtwork(source, n));
    const start = this.#served.get(label) ?? 0;
    this.#served.set(label, start + count);
    return Array.from({ length: count }, (_, index) => make(start + index));
  }
}

/** Unique, landscape (fits the default monitor), safe, tagged with the category. */
export function defaultArtwork(source: WallpaperSource, n: number): Artwork {
  const label = sourceLabel(source);
  return makeArtwork({
    id: `${label}:${n}`,
    source: source.kind === 'nekos.best' ? 'nekos.best' : 'nekosia',
    category: source.kind === 'favorites' ? 'favorite' : source.category,
    tags: source.kind === 'nekosia' ? [source.category] : [],
    width: 1920,
    height: 1080,
  });
}

export const MINUTE = 60_000;
