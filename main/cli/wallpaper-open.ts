import { systemClock } from '../core/clock';
import type { Library } from '../core/library';
import type { RotationError, RotationState, ShownWallpaper } from '../core/rotation';
import type { SettingsBackend, WallpaperSettings } from '../core/settings';
import type { Monitor } from '../core/wallpaper/types';
import type { WallpaperService } from '../core/wallpaper/wallpaper-service';
import type { CliContext } from './context';

/** The service, and the monitors as the CLI sees them. */
export interface CliWallpaper extends WallpaperService {
  monitors(): Promise<Monitor[]>;
}

export interface CliWallpaperOptions {
  /** Upcoming wallpapers kept ready: 0 for one-shot commands. */
  prefetchDepth: number;
  /** Settings for this run only (never saved): `rotate --interval`. */
  overrides?: Partial<WallpaperSettings>;
  onChange?: (state: RotationState) => void;
  onError?: (error: RotationError) => void;
}

/**
 * The wallpaper service for one command: monitors from `wallpaper.monitors` or `xrandr --query`, the desktop's
 * setter (or the custom command) with the real command runner, in the command's environment.
 * Heavy modules (sharp, the cache) are imported here, only by wallpaper commands.
 */
export async function openCliWallpaper(ctx: CliContext, options: CliWallpaperOptions): Promise<CliWallpaper> {
  const settings = await ctx.settings();
  const core = await ctx.core();
  const [{ openWallpaperService }, setters, { detectMonitors }, { SettingsService }] = await Promise.all([
    import('../core/wallpaper/wallpaper-service'),
    import('../core/wallpaper/setters'),
    import('../core/wallpaper/monitors/detect-monitors'),
    import('../core/settings'),
  ]);
  const effective = { ...settings, wallpaper: { ...settings.wallpaper, ...options.overrides } };
  // The CLI reads settings; what it changes for a run (overrides) stays in memory.
  const backend: SettingsBackend = { store: { ...effective }, path: '' };
  const env = ctx.io.env;
  const runner = setters.createCommandRunner();
  const run = (command: string, args: readonly string[]) => runner(command, args, { env });
  const setter = setters.createWallpaperSetter({
    platform: process.platform,
    env,
    run: runner,
    commandExists: setters.createCommandExists(env),
    customCommand: effective.wallpaper.customCommand,
  });
  const monitors = (): Promise<Monitor[]> =>
    detectMonitors({ run, settingsMonitors: effective.wallpaper.monitors });
  const service = await openWallpaperService({
    core: () => core,
    settings: new SettingsService(backend, effective),
    paths: ctx.paths(),
    monitors,
    setter: () => setter,
    clock: ctx.io.clock ?? systemClock,
    prefetchDepth: options.prefetchDepth,
    ...(options.onChange === undefined ? {} : { onChange: options.onChange }),
    ...(options.onError === undefined ? {} : { onError: options.onError }),
  });
  return Object.assign(service, { monitors });
}

/** Opens the service, runs `work`, and always closes it (stops the rotation, flushes the cache). */
export async function withCliWallpaper<T>(
  ctx: CliContext,
  options: CliWallpaperOptions,
  work: (service: CliWallpaper) => Promise<T>,
): Promise<T> {
  const service = await openCliWallpaper(ctx, options);
  try {
    return await work(service);
  } finally {
    await service.close();
  }
}

/** What is on screen according to the history: the newest set shown (no network, no monitors). */
export async function currentFromHistory(library: Library): Promise<ShownWallpaper[]> {
  const { historySets } = await import('../core/rotation/history-sets');
  const [latest] = historySets((await library.snapshot()).history);
  return latest?.shown ?? [];
}

/** A key naming a set of artworks on monitors, to tell one wallpaper from the next. */
export function shownKey(shown: readonly ShownWallpaper[]): string {
  return shown.map((item) => `${item.monitorId ?? ''}=${item.artwork.id}`).join('|');
}
