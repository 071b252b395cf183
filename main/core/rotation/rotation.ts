import { randomUUID } from 'node:crypto';
import type { Artwork } from '../artwork';
import { NekodeskError, toErrorPayload } from '../errors';
import type { Result } from '../result';
import type { ComposedWallpaper, Monitor } from '../wallpaper/types';
import { isAllowed, rulesFrom, type CandidateRules } from './candidate-rules';
import { clampDue, DEFAULT_TICK_MS, intervalMs, retryDelayMs, timerWaitMs } from './due-schedule';
import { assignToMonitors, historySets, layoutKey, setBefore, shownForHistory } from './history-sets';
import { isAborted, PrefetchQueue, type PreparedSet } from './prefetch-queue';
import type {
  RotationError,
  RotationPorts,
  RotationState,
  RotationStatus,
  RotationStep,
  ShownWallpaper,
} from './rotation-ports';
import { SerialQueue } from './serial-queue';
import { SetPreparer } from './set-preparer';
import { sourceLabel } from './source-order';
import { WallClockTimer } from './wall-clock-timer';

export interface RotationOptions {
  /** Upcoming wallpapers kept ready (picked, downloaded, composed). Default 2. */
  prefetchDepth?: number;
  /** The timer looks at the wall clock at least this often. Default one minute. */
  tickMs?: number;
  /** Candidates asked of a source at a time. Default 8. */
  batchSize?: number;
}

/** What is on screen: the set's id in the history and its artworks. */
interface CurrentSet {
  setId: string;
  shown: ShownWallpaper[];
}

export type ChangeResult = Result<ShownWallpaper[]>;

/**
 * The wallpaper rotation: changes the wallpaper every `intervalMinutes` (wall-clock due times, so sleep and
 * clock jumps cause one change, never a burst), keeps upcoming wallpapers ready so `next()` is instant,
 * falls back from a failing source to the others and, offline, to what is already downloaded.
 *
 * No method rejects: changes answer a `Result`, and every failure is also reported through `onError` and
 * the state's `lastError`. Changes (timer, `next`, `previous`, `banCurrent`) run one at a time, in order.
 */
export class Rotation<TComposed extends { spanFile: string } = ComposedWallpaper> {
  readonly #ports: RotationPorts<TComposed>;
  readonly #tickMs: number;
  readonly #preparer: SetPreparer;
  readonly #prefetch: PrefetchQueue<PreparedSet<TComposed>>;
  readonly #timer: WallClockTimer;
  readonly #serial = new SerialQueue();

  #status: RotationStatus = 'stopped';
  #current: CurrentSet | null = null;
  #currentLoaded = false;
  #failures = 0;
  #dueAt: number | null = null;
  #offline = false;
  #busy = 0;
  #lastError: RotationError | null = null;
  #sourcesKey: string;
  #lifetime = new AbortController();

  constructor(ports: RotationPorts<TComposed>, options: RotationOptions = {}) {
    this.#ports = ports;
    this.#tickMs = Math.max(1_000, options.tickMs ?? DEFAULT_TICK_MS);
    this.#sourcesKey = sourcesKeyOf(ports.settings());
    this.#preparer = new SetPreparer(ports, {
      random: () => (ports.random ? ports.random() : Math.random()),
      batchSize: Math.min(20, Math.max(1, options.batchSize ?? 8)),
      report: (step, error, source) => {
        this.#report(step, error, source);
      },
    });
    this.#prefetch = new PrefetchQueue({
      depth: Math.max(0, options.prefetchDepth ?? 2),
      now: () => this.#now(),
      produce: (signal) => this.#prefetchOne(signal),
      onChange: () => {
        this.#emit();
      },
      onError: (error) => {
        this.#report('prefetch', error);
      },
    });
    this.#timer = new WallClockTimer(
      ports.clock,
      () => this.#tick(),
      () => this.#timerWaitMs(),
      (error) => {
        this.#report('change', error);
      },
    );
  }

  /**
   * Starts the timer (paused if the `paused` setting says so). With `changeOnStart` the wallpaper changes
   * now; resolves once that change was tried.
   */
  async start(): Promise<void> {
    if (this.#status !== 'stopped') return;
    this.#lifetime = new AbortController();
    const settings = this.#ports.settings();
    this.#sourcesKey = sourcesKeyOf(settings);
    this.#status = settings.paused ? 'paused' : 'running';
    await this.#loadCurrent();
    const changeNow = this.#status === 'running' && settings.changeOnStart;
    this.#dueAt = this.#status === 'running' ? this.#now() + (changeNow ? 0 : intervalMs(settings)) : null;
    this.#emit();
    if (changeNow) await this.#serial.run(() => this.#timerChange());
    this.#timer.start(this.#lifetime.signal);
    this.#fillPrefetch();
  }

  /** Stops the timer and any work under way; prepared wallpapers are dropped. */
  async stop(): Promise<void> {
    if (this.#status === 'stopped') return;
    this.#status = 'stopped';
    this.#dueAt = null;
    this.#lifetime.abort(new NekodeskError('internal', 'The wallpaper rotation was stopped.'));
    await this.#timer.stopped();
    await this.whenIdle();
    this.#prefetch.drop(() => true);
    this.#emit();
  }

  /** Stops changing on the timer (the `paused` setting is the caller's to save). */
  pause(): void {
    if (this.#status !== 'running') return;
    this.#status = 'paused';
    this.#dueAt = null;
    this.#emit();
  }

  /** Changes on the timer again, one interval from now. */
  resume(): void {
    if (this.#status !== 'paused') return;
    this.#status = 'running';
    this.#dueAt = this.#now() + intervalMs(this.#ports.settings());
    this.#emit();
    this.#timer.wake();
  }

  /** Shows the next wallpaper: at once when one is prefetched. */
  next(): Promise<ChangeResult> {
    return this.#serial.run(() => this.#change('next'));
  }

  /** Shows again the set shown before the current one (from the history); repeated calls go further back. */
  previous(): Promise<ChangeResult> {
    return this.#serial.run(() => this.#previous());
  }

  /** Adds what is shown (on one monitor, or on all) to the favorites. */
  async favoriteCurrent(monitorId?: string): Promise<Result<Artwork[]>> {
    try {
      const artworks = await this.#currentArtworks(monitorId);
      for (const artwork of artworks) await this.#ports.library.addFavorite(artwork);
      return { ok: true, data: artworks };
    } catch (error) {
      this.#report('history', error);
      return { ok: false, error: toErrorPayload(error) };
    }
  }

  /** Bans what is shown (on one monitor, or on all) and moves on to the next wallpaper. */
  async banCurrent(monitorId?: string): Promise<ChangeResult> {
    try {
      const artworks = await this.#currentArtworks(monitorId);
      const ids = new Set(artworks.map((artwork) => artwork.id));
      await this.#ports.library.ban([...ids]);
      this.#prefetch.drop((set) => set.picks.some((pick) => ids.has(pick.artwork.id)));
    } catch (error) {
      this.#report('history', error);
      return { ok: false, error: toErrorPayload(error) };
    }
    return this.next();
  }

  /** The artworks on screen, per monitor. */
  current(): ShownWallpaper[] {
    return this.#current?.shown.map((item) => ({ ...item })) ?? [];
  }

  state(): RotationState {
    return {
      status: this.#status,
      current: this.current(),
      nextDueAt: this.#dueAt,
      prefetched: this.#prefetch.size,
      busy: this.#busy > 0 || this.#prefetch.busy,
      offline: this.#offline,
      failures: this.#failures,
      lastError: this.#lastError,
    };
  }

  /** After the computer wakes up: look at the clock now (one change if one is due), retry what failed. */
  handleResume(): void {
    this.#preparer.health.reset();
    this.#prefetch.resetBackoff();
    this.#timer.wake();
  }

  /** Call after the wallpaper settings changed: interval, pause, sources and filters are taken into account. */
  settingsChanged(): void {
    const settings = this.#ports.settings();
    const key = sourcesKeyOf(settings);
    if (key !== this.#sourcesKey) {
      this.#sourcesKey = key;
      this.#preparer.pools.retain(new Set(settings.sources.map(sourceLabel)));
      this.#preparer.health.reset();
      this.#prefetch.drop(() => true);
      this.#prefetch.resetBackoff();
    }
    if (settings.paused) this.pause();
    else this.resume();
    if (this.#dueAt !== null) this.#dueAt = clampDue(this.#dueAt, this.#now(), intervalMs(settings));
    this.#emit();
    this.#timer.wake();
  }

  /** Resolves when no change and no prefetch is under way (tests, the bench, shutting down). */
  async whenIdle(): Promise<void> {
    for (;;) {
      const idle = this.#serial.idle;
      await idle;
      await this.#prefetch.settled();
      if (idle === this.#serial.idle && !this.#prefetch.busy) return;
    }
  }

  // ── the timer ──────────────────────────────────────────────────────────────────────────────────────

  async #tick(): Promise<void> {
    if (this.#status === 'running' && this.#dueAt !== null) {
      this.#dueAt = clampDue(this.#dueAt, this.#now(), intervalMs(this.#ports.settings()));
      if (this.#now() >= this.#dueAt) await this.#serial.run(() => this.#timerChange());
    }
    this.#fillPrefetch();
  }

  #timerWaitMs(): number {
    const now = this.#now();
    const wait = timerWaitMs(this.#status === 'running' ? this.#dueAt : null, now, this.#tickMs);
    const retryAt = this.#prefetch.retryAt;
    return retryAt > now ? Math.min(wait, retryAt - now) : wait;
  }

  /** A change the timer asked for: skipped if a `next()` meanwhile made it unnecessary. */
  async #timerChange(): Promise<void> {
    if (this.#status !== 'running' || this.#dueAt === null || this.#now() < this.#dueAt) return;
    await this.#change('timer');
  }

  // ── changing the wallpaper ─────────────────────────────────────────────────────────────────────────

  async #change(reason: 'next' | 'timer'): Promise<ChangeResult> {
    this.#busy += 1;
    this.#emit();
    try {
      await this.#loadCurrent();
      const monitors = await this.#ports.monitors();
      const set = (await this.#takePrepared(monitors)) ?? (await this.#prepare(monitors, true));
      const composed = set.composed ?? (await this.#ports.compose(set.monitors, set.picks));
      await this.#ports.apply(composed);
      const shown = set.picks.map((pick, index) => ({
        monitorId: set.monitors[index]?.id ?? null,
        artwork: pick.artwork,
      }));
      this.#current = { setId: set.setId, shown };
      this.#failures = 0;
      this.#offline = set.offline;
      if (this.#status === 'running') this.#dueAt = this.#now() + intervalMs(this.#ports.settings());
      await this.#record(set);
      return { ok: true, data: this.current() };
    } catch (error) {
      return this.#changeFailed(error, 'change', reason === 'timer');
    } finally {
      this.#busy -= 1;
      this.#emit();
      this.#fillPrefetch();
    }
  }

  async #previous(): Promise<ChangeResult> {
    this.#busy += 1;
    this.#emit();
    try {
      await this.#loadCurrent();
      const library = await this.#ports.library.snapshot();
      const target = setBefore(library.history, this.#current?.setId ?? null, await this.#rules());
      if (target === undefined) {
        throw new NekodeskError('not_found', 'There is no earlier wallpaper in the history.');
      }
      const monitors = await this.#ports.monitors();
      const artworks = assignToMonitors(target.shown, monitors);
      const signal = this.#lifetime.signal;
      const picks = await Promise.all(
        artworks.map(async (artwork) => ({ artwork, file: await this.#localOrDownload(artwork, signal) })),
      );
      await this.#ports.apply(await this.#ports.compose(monitors, picks));
      this.#current = {
        setId: target.setId,
        shown: artworks.map((artwork, index) => ({ monitorId: monitors[index]?.id ?? null, artwork })),
      };
      if (this.#status === 'running') this.#dueAt = this.#now() + intervalMs(this.#ports.settings());
      return { ok: true, data: this.current() };
    } catch (error) {
      return this.#changeFailed(error, 'previous', false);
    } finally {
      this.#busy -= 1;
      this.#emit();
    }
  }

  #changeFailed(error: unknown, step: RotationStep, scheduled: boolean): ChangeResult {
    const payload = toErrorPayload(error);
    if (this.#status === 'stopped' && this.#lifetime.signal.aborted) return { ok: false, error: payload };
    if (step === 'change') {
      this.#failures += 1;
      if (payload.code === 'offline') this.#offline = true;
      if (scheduled && this.#status === 'running') {
        this.#dueAt = this.#now() + retryDelayMs(this.#failures, intervalMs(this.#ports.settings()));
      }
    }
    this.#report(step, error);
    return { ok: false, error: payload };
  }

  async #localOrDownload(artwork: Artwork, signal: AbortSignal): Promise<string> {
    const cached = this.#ports.cachedFile ? await this.#ports.cachedFile(artwork) : null;
    return cached ?? (await this.#ports.download(artwork, signal));
  }

  async #record(set: PreparedSet<TComposed>): Promise<void> {
    try {
      await this.#ports.library.recordShown(shownForHistory(set.monitors, set.picks), set.setId);
    } catch (error) {
      // The wallpaper changed; only the history missed it.
      this.#report('history', error);
    }
  }

  /** The first prefetched set still valid for these monitors, sources and bans (waits for one under way). */
  async #takePrepared(monitors: Monitor[]): Promise<PreparedSet<TComposed> | null> {
    const layout = layoutKey(monitors);
    const rules = await this.#rules();
    return this.#prefetch.take(
      (set) =>
        set.layout === layout &&
        set.sourcesKey === this.#sourcesKey &&
        set.picks.every((pick) => isAllowed(pick.artwork, rules)),
    );
  }

  async #prepare(monitors: Monitor[], allowLocal: boolean): Promise<PreparedSet<TComposed>> {
    const sourcesKey = this.#sourcesKey;
    const prepared = await this.#preparer.prepare({
      monitors,
      settings: this.#ports.settings(),
      library: await this.#ports.library.snapshot(),
      taken: this.#takenIds(),
      allowLocal,
      signal: this.#lifetime.signal,
    });
    return {
      setId: randomUUID(),
      layout: layoutKey(monitors),
      sourcesKey,
      monitors,
      picks: prepared.picks,
      composed: null,
      offline: prepared.offline || prepared.local,
    };
  }

  #takenIds(): Set<string> {
    const ids = new Set<string>();
    for (const item of this.#current?.shown ?? []) ids.add(item.artwork.id);
    for (const set of this.#prefetch.sets()) for (const pick of set.picks) ids.add(pick.artwork.id);
    return ids;
  }

  async #rules(): Promise<CandidateRules> {
    const library = await this.#ports.library.snapshot();
    return rulesFrom(
      this.#ports.settings(),
      library.bans.map((ban) => ban.id),
    );
  }

  // ── prefetching ────────────────────────────────────────────────────────────────────────────────────

  #fillPrefetch(): void {
    if (this.#status !== 'stopped') this.#prefetch.fill(this.#lifetime.signal);
  }

  /** One upcoming set, composed ahead when possible; never from the offline fallback. */
  async #prefetchOne(signal: AbortSignal): Promise<PreparedSet<TComposed> | null> {
    const set = await this.#prepare(await this.#ports.monitors(), false);
    if (isAborted(signal) || set.sourcesKey !== this.#sourcesKey) return null;
    try {
      set.composed = await this.#ports.compose(set.monitors, set.picks);
    } catch (error) {
      // `next()` composes it then.
      this.#report('prefetch', error);
    }
    if (!set.offline) this.#offline = false;
    return set;
  }

  // ── helpers ────────────────────────────────────────────────────────────────────────────────────────

  /** After a restart (or in the CLI) what is on screen is the newest set in the history. */
  async #loadCurrent(): Promise<void> {
    if (this.#currentLoaded || this.#current !== null) return;
    this.#currentLoaded = true;
    try {
      const [latest] = historySets((await this.#ports.library.snapshot()).history);
      // A change may have finished meanwhile: it wins.
      if (latest !== undefined && !this.#hasCurrent()) {
        this.#current = { setId: latest.setId, shown: latest.shown };
      }
    } catch (error) {
      this.#report('history', error);
    }
  }

  async #currentArtworks(monitorId: string | undefined): Promise<Artwork[]> {
    await this.#loadCurrent();
    const shown = (this.#current?.shown ?? []).filter(
      (item) => monitorId === undefined || item.monitorId === monitorId,
    );
    if (shown.length === 0) {
      throw new NekodeskError(
        'not_found',
        monitorId === undefined
          ? 'No wallpaper is shown yet.'
          : `Nothing is shown on the monitor "${monitorId}".`,
      );
    }
    return [...new Map(shown.map((item) => [item.artwork.id, item.artwork])).values()];
  }

  #report(step: RotationStep, error: unknown, source?: string): void {
    if (this.#status === 'stopped' && this.#lifetime.signal.aborted) return;
    const reported: RotationError = {
      ...toErrorPayload(error),
      step,
      at: this.#now(),
      ...(source === undefined ? {} : { source }),
    };
    this.#lastError = reported;
    try {
      this.#ports.onError?.(reported);
    } catch {
      // A listener's failure is not the rotation's.
    }
  }

  #emit(): void {
    if (this.#ports.onChange === undefined) return;
    try {
      this.#ports.onChange(this.state());
    } catch {
      // A listener's failure is not the rotation's.
    }
  }

  #hasCurrent(): boolean {
    return this.#current !== null;
  }

  #now(): number {
    return this.#ports.clock.now();
  }
}

/** Sources as far as prepared sets are concerned (weights do not matter: a set from any listed source is fine). */
function sourcesKeyOf(settings: { sources: readonly { weight: number }[] }): string {
  return JSON.stringify(settings.sources.map(({ weight: _weight, ...source }) => source));
}
