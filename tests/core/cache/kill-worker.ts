// Run by crash-safety.test.ts (`node --import tsx kill-worker.ts <root> <nekos.best base URL> <Nekosia origin>`):
// downloads, reads, evicts and removes artworks in an endless loop until the test kills it with SIGKILL.
import { DownloadCache } from '../../../main/core/cache';
import { nekosBestArtworks, nekosiaArtworks, testHttp } from './helpers';

const [root, nekosBase, nekosiaOrigin] = process.argv.slice(2);
if (root === undefined || nekosBase === undefined || nekosiaOrigin === undefined) {
  throw new Error('usage: kill-worker.ts <root> <nekos.best base URL> <Nekosia origin>');
}

const artworks = [
  ...nekosBestArtworks(nekosBase).slice(0, 40),
  ...nekosiaArtworks(nekosiaOrigin).slice(0, 20),
];
const cache = await DownloadCache.open({ root, http: testHttp(), limitBytes: 40_000, touchFlushMs: 1 });
process.stdout.write('ready\n');

function pick<T>(list: readonly T[]): T {
  const item = list[Math.floor(Math.random() * list.length)];
  if (item === undefined) throw new Error('empty list');
  return item;
}

async function worker(): Promise<void> {
  for (;;) {
    const artwork = pick(artworks);
    const roll = Math.random();
    try {
      if (roll < 0.6) await cache.ensure(artwork, Math.random() < 0.5 ? 'original' : 'preview');
      else if (roll < 0.8) cache.get(artwork.id, 'original');
      else if (roll < 0.9) await cache.remove(artwork.id);
      else await cache.setLimit(Math.random() < 0.5 ? 20_000 : 60_000);
    } catch (error) {
      // Another worker removing an artwork cancels its download: expected. Anything else is a bug.
      if (!(error instanceof DOMException && error.name === 'AbortError')) throw error;
    }
  }
}

await Promise.all(Array.from({ length: 4 }, () => worker()));
