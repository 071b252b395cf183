import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Artwork } from '../main/core/artwork';
import { DownloadCache } from '../main/core/cache';
import type { HttpTransport } from '../main/core/http/types';
import type { Benchmark, Figure } from './figure';

const FILES = 100;
const FILE_BYTES = 1024 * 1024;
const ROUNDS = 15;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function artworkFor(index: number): Artwork {
  const url = `https://nekos.example/api/v2/neko/${index}.png`;
  return {
    id: `nekos.best:bench-${index}`,
    source: 'nekos.best',
    kind: 'image',
    category: 'neko',
    url,
    previewUrl: url,
    width: null,
    height: null,
    rating: 'safe',
    tags: [],
    anime: null,
    character: null,
    artist: null,
    sourceUrl: null,
    colors: null,
  };
}

/** Answers every URL with FILE_BYTES of PNG-signed random bytes, without a network. */
const memoryHttp: Pick<HttpTransport, 'bytes'> = {
  bytes: () => {
    const data = randomBytes(FILE_BYTES);
    data.set(PNG_SIGNATURE, 0);
    return Promise.resolve({ status: 200, headers: new Headers(), data });
  },
};

type Read = (index: number) => Promise<Uint8Array>;

/** Collects garbage first when the bench runs with --expose-gc, so a collection does not land inside a pass. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** MiB per second for one pass of `read` over every file. */
async function throughput(read: Read): Promise<number> {
  collectGarbage();
  const started = performance.now();
  let bytes = 0;
  for (let index = 0; index < FILES; index++) bytes += (await read(index)).byteLength;
  return bytes / (1024 * 1024) / ((performance.now() - started) / 1000);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export const cacheRead: Benchmark = {
  name: 'cache read',
  async run(): Promise<Figure[]> {
    const root = mkdtempSync(path.join(tmpdir(), 'nekodesk-bench-cache-'));
    try {
      const cache = await DownloadCache.open({ root, http: memoryHttp, touchFlushMs: 60_000 });
      const artworks = Array.from({ length: FILES }, (_, index) => artworkFor(index));
      const paths: string[] = [];
      for (const artwork of artworks) paths.push((await cache.ensure(artwork, 'original')).path);

      const viaCache = async (index: number): Promise<Uint8Array> => {
        const entry = cache.get(artworks[index]?.id ?? '', 'original');
        if (entry === null) throw new Error(`file ${index} is not cached`);
        return readFile(entry.path);
      };
      const plain = (index: number): Promise<Uint8Array> => readFile(paths[index] ?? '');

      await throughput(viaCache); // warm the page cache and the JIT
      await throughput(plain);
      const cached: number[] = [];
      const baseline: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        // Alternate which side goes first, so drift in the machine's speed hits both alike.
        if (round % 2 === 0) {
          cached.push(await throughput(viaCache));
          baseline.push(await throughput(plain));
        } else {
          baseline.push(await throughput(plain));
          cached.push(await throughput(viaCache));
        }
      }
      await cache.close();
      return [
        {
          name: `cache read MiB/s (${FILES} × ${FILE_BYTES / (1024 * 1024)} MiB, get + readFile)`,
          value: median(cached),
          baseline: median(baseline),
          digits: 0,
          note: `baseline: fs.readFile of the same files; median of ${ROUNDS} alternating passes each`,
        },
      ];
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
};
