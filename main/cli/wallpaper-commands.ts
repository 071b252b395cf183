import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import type { Artwork } from '../core/artwork';
import { NekodeskError, type ErrorPayload } from '../core/errors';
import type { Library } from '../core/library';
import type { ShownWallpaper } from '../core/rotation';
import type { Result } from '../core/result';
import type { CliContext } from './context';
import { groupCommand } from './groups';
import { formatChangeLine, formatShown, formatShownArtwork } from './wallpaper-format';
import { formatInterval, parseInterval } from './wallpaper-interval';
import { currentFromHistory, withCliWallpaper, type CliWallpaper } from './wallpaper-open';
import { changeListener, rotateUntil } from './wallpaper-rotate';

/** `nekosia:<id>` or `nekos.best:<id>`: the ids in the history, the favorites and `--json` output. */
const ARTWORK_ID = /^(nekosia|nekos\.best):(.+)$/;

export function registerWallpaperCommands(program: Command, ctx: CliContext): void {
  const wallpaper = groupCommand(
    program,
    'wallpaper',
    'change the desktop wallpaper (rotation, history, favorites)',
  );

  const printShown = (shown: ShownWallpaper[], heading?: string): void => {
    if (ctx.json) ctx.printJson(shown);
    else ctx.print(...(heading === undefined ? [] : [heading]), ...formatShown(shown));
  };

  wallpaper
    .command('next')
    .description('show a new wallpaper now')
    .action(async () => {
      await withCliWallpaper(ctx, { prefetchDepth: 0 }, async (service) => {
        const shown = unwrap(await service.rotation.next());
        if (service.rotation.state().offline) ctx.note('offline: showing a downloaded wallpaper again.');
        printShown(shown);
      });
    });

  wallpaper
    .command('previous')
    .description('show again the wallpaper shown before this one (from the history)')
    .action(async () => {
      await withCliWallpaper(ctx, { prefetchDepth: 0 }, async (service) => {
        const shown = unwrap(await service.rotation.previous());
        // The next command is another process: it learns what is on screen from the newest history entry.
        await recordAgain(service, shown);
        printShown(shown);
      });
    });

  wallpaper
    .command('favorite')
    .description('add what is on screen now to the favorites')
    .action(async () => {
      await withCliWallpaper(ctx, { prefetchDepth: 0 }, async (service) => {
        const artworks = unwrap(await service.rotation.favoriteCurrent());
        if (ctx.json) ctx.printJson(artworks);
        else
          ctx.print(
            'Added to the favorites:',
            ...artworks.flatMap((artwork) => formatShownArtwork(artwork, null)),
          );
      });
    });

  wallpaper
    .command('ban')
    .description('never show what is on screen now again, and move on to a new wallpaper')
    .action(async () => {
      await withCliWallpaper(ctx, { prefetchDepth: 0 }, async (service) => {
        const before = await currentFromHistory(service.library);
        const result = await service.rotation.banCurrent();
        const banned = await bannedNow(service.library, before);
        if (!result.ok) {
          if (banned.length === 0) throw fromPayload(result.error);
          throw fromPayload({
            ...result.error,
            message: `Banned ${banned.join(', ')}, but no new wallpaper could be shown: ${result.error.message}`,
          });
        }
        if (ctx.json) ctx.printJson(result.data);
        else ctx.print(`Banned ${banned.join(', ')}. Now showing:`, ...formatShown(result.data));
      });
    });

  wallpaper
    .command('current')
    .description('what is on screen now (from the history; no network)')
    .action(async () => {
      const { Library } = await import('../core/library');
      const library = await Library.open(ctx.paths().data);
      printShown(await currentFromHistory(library));
    });

  wallpaper
    .command('set')
    .description('show a local image file, or an artwork from the history or favorites, on every monitor')
    .argument('<file|artwork-id>', 'an image file, or an id like nekosia:<id> or nekos.best:<id>')
    .action(async (target: string) => {
      const file = ctx.resolve(target);
      const isFile = await stat(file).then(
        (info) => info.isFile(),
        () => false,
      );
      const id = ARTWORK_ID.exec(target.trim());
      if (!isFile && id !== null) {
        await withCliWallpaper(ctx, { prefetchDepth: 0 }, async (service) => {
          const artwork = await findArtwork(ctx, service.library, target.trim(), id[1] ?? '', id[2] ?? '');
          const composed = await service.showArtworks([artwork]);
          printShown(composed.perMonitor.map((entry) => ({ monitorId: entry.monitor.id, artwork })));
        });
        return;
      }
      const { openArtwork } = await import('../core/wallpaper/compose/read-artwork');
      if (!isFile && (await stat(file).catch(() => null)) === null) {
        throw new NekodeskError(
          'not_found',
          `${file} does not exist (and "${target}" is not an artwork id like nekosia:<id> or nekos.best:<id>).`,
        );
      }
      await openArtwork(file);
      await withCliWallpaper(ctx, { prefetchDepth: 0 }, async (service) => {
        const composed = await service.showFiles([file]);
        const monitors = composed.perMonitor.map((entry) => entry.monitor.id);
        if (ctx.json) ctx.printJson({ file, wallpaper: composed.spanFile, monitors });
        else
          ctx.print(
            `Showing ${file} on ${monitors.length === 1 ? 'the monitor' : `${monitors.length} monitors`} (${monitors.join(', ')}).`,
          );
      });
    });

  wallpaper
    .command('favorites')
    .description('list the favorites, or copy their images into a folder with --export')
    .option('--export <folder>', 'copy every favorite image into this folder (created if missing)')
    .action(async (options: { export?: string }) => {
      await withCliWallpaper(ctx, { prefetchDepth: 0 }, async (service) => {
        if (options.export === undefined) {
          const favorites = (await service.library.favorites()).map((entry) => entry.artwork);
          if (ctx.json) ctx.printJson(favorites);
          else if (favorites.length === 0)
            ctx.print('No favorites yet; add one with "nekodesk wallpaper favorite".');
          else ctx.print(...favorites.flatMap((artwork) => formatShownArtwork(artwork, null)));
          return;
        }
        // Favorites are pinned in the cache; one that is missing anyway is downloaded again.
        const exported = await service.library.exportFavorites(path.resolve(options.export), (artwork) =>
          service.cache.ensure(artwork, 'original').then(
            (entry) => entry.path,
            () => null,
          ),
        );
        if (ctx.json) ctx.printJson(exported);
        else
          ctx.print(
            `Exported ${exported.exported.length} favorite${exported.exported.length === 1 ? '' : 's'} to ${exported.folder}.`,
            ...exported.failed.map((failure) => `  not exported: ${failure.id} (${failure.reason})`),
          );
        if (exported.failed.length > 0 && exported.exported.length === 0) {
          throw new NekodeskError('not_found', 'No favorite could be exported.');
        }
      });
    });

  wallpaper
    .command('rotate')
    .description('change the wallpaper on a timer, in the foreground, until Ctrl+C (for cron-less setups)')
    .option(
      '-i, --interval <duration>',
      'how often: 15m, 1h, 1h30m, or minutes (default: from settings)',
      parseInterval,
    )
    .action(async (options: { interval?: number }) => {
      const settings = await ctx.settings();
      const intervalMinutes = options.interval ?? settings.wallpaper.intervalMinutes;
      const { Library } = await import('../core/library');
      const before = await currentFromHistory(await Library.open(ctx.paths().data));
      const controller = new AbortController();
      const stop = (): void => {
        controller.abort();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        await withCliWallpaper(
          ctx,
          {
            prefetchDepth: 1,
            // Asked to rotate: a paused rotation (a tray setting) would do nothing.
            overrides: { intervalMinutes, paused: false },
            onChange: changeListener(before, (shown) => {
              const at = (ctx.io.clock ?? Date).now();
              if (ctx.json) ctx.io.stdout.write(`${JSON.stringify({ at, shown })}\n`);
              else ctx.print(formatChangeLine(at, shown));
            }),
            onError: (error) => {
              if (error.step === 'change' || error.step === 'previous' || error.step === 'history')
                ctx.note(`${error.message} (trying again later)`);
            },
          },
          async (service) => {
            ctx.note(`changing the wallpaper every ${formatInterval(intervalMinutes)}; Ctrl+C stops.`);
            await rotateUntil(service.rotation, controller.signal);
          },
        );
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
    });
}

function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.data;
  throw fromPayload(result.error);
}

function fromPayload(payload: ErrorPayload): NekodeskError {
  return new NekodeskError(
    payload.code,
    payload.message,
    payload.retryAfter === undefined ? {} : { retryAfter: payload.retryAfter },
  );
}

/**
 * Records a set shown again (by `previous`) as the newest in the history, so that `current`, `favorite` and
 * `ban` in later commands act on what is on screen. A second `previous` therefore goes back to the set
 * before it, not further.
 */
async function recordAgain(service: CliWallpaper, shown: readonly ShownWallpaper[]): Promise<void> {
  const monitors = new Map((await service.monitors()).map((monitor) => [monitor.id, monitor]));
  await service.library.recordShown(
    shown.map(({ monitorId, artwork }) => {
      const monitor = monitorId === null ? undefined : monitors.get(monitorId);
      return monitor === undefined
        ? { artwork }
        : { artwork, monitor: { id: monitor.id, width: monitor.width, height: monitor.height } };
    }),
  );
}

/** Which of the artworks shown before are banned now. */
async function bannedNow(library: Library, before: readonly ShownWallpaper[]): Promise<string[]> {
  const bans = new Set((await library.bans()).map((ban) => ban.id));
  return [...new Set(before.map((item) => item.artwork.id))].filter((id) => bans.has(id));
}

/** An artwork by id: from the favorites, then the history, then (Nekosia only) from Nekosia itself. */
async function findArtwork(
  ctx: CliContext,
  library: Library,
  id: string,
  source: string,
  sourceId: string,
): Promise<Artwork> {
  const { favorites, history } = await library.snapshot();
  const known =
    favorites.find((entry) => entry.artwork.id === id)?.artwork ??
    history.find((entry) => entry.artwork.id === id)?.artwork;
  if (known !== undefined) return known;
  if (source === 'nekosia') {
    const { nekosia } = await ctx.core();
    return nekosia.imageById(sourceId);
  }
  throw new NekodeskError(
    'not_found',
    `${id} is not in your wallpaper history or favorites (nekos.best images cannot be looked up by id).`,
  );
}
