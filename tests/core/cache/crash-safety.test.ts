import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Artwork } from '../../../main/core/artwork';
import { cacheKeyOf, DownloadCache, nodeCacheFs, type CacheFs } from '../../../main/core/cache';
import { startFakeNekosBest, startFakeNekosia, type FakeServer } from '../../fakes';
import { useTempDir } from '../../support/temp-dir';
import { listFiles, nekosBestArtworks, nekosiaArtworks, sha256, testHttp } from './helpers';

const DISK_FULL =
  /^Not enough disk space to save nekos\.best:[0-9a-f-]+ \([\d.]+ (bytes|KiB)\); free some space or lower the cache limit in settings\.$/;
const DATA_TEMP = /[0-9a-f]{64}\.\d+-[0-9a-f]{8}\.tmp$/;
const SIDECAR_TEMP = /[0-9a-f]{64}\.json\.\d+-[0-9a-f]{8}\.tmp$/;
/** No process has this id (Linux pids stop at 2^22; Windows and macOS are below 2^31 too). */
const DEAD_PID = 2_147_483_000;

let nekos: FakeServer;
let nekosia: FakeServer;
let art: Artwork[];
const tempDir = useTempDir('nekodesk-cache-crash-');

beforeAll(async () => {
  nekos = await startFakeNekosBest({ enforceRateLimits: false });
  nekosia = await startFakeNekosia({ enforceRateLimits: false });
  art = nekosBestArtworks(nekos.baseUrl);
});

afterAll(async () => {
  await Promise.all([nekos.close(), nekosia.close()]);
});

function at(index: number): Artwork {
  const artwork = art[index];
  if (!artwork) throw new Error(`no artwork ${index}`);
  return artwork;
}

function open(
  root: string,
  extra: { fs?: CacheFs; verifyHashesOnOpen?: boolean } = {},
): Promise<DownloadCache> {
  return DownloadCache.open({ root, http: testHttp(), ...extra });
}

/** A real file system whose writes of matching paths write half the bytes, then fail with `code`. */
function failingFs(matches: RegExp, code: string): CacheFs {
  return {
    ...nodeCacheFs,
    async writeFileDurable(file, data) {
      if (!matches.test(file)) return nodeCacheFs.writeFileDurable(file, data);
      await nodeCacheFs.writeFileDurable(file, data.subarray(0, data.byteLength >> 1));
      throw Object.assign(new Error(`${code}: simulated failure, write`), { code });
    },
  };
}

/** Inverts one byte near the end of the file's bytes (inside the image data, size unchanged). */
function flipByte(bytes: Buffer): void {
  const at = bytes.length - 20;
  bytes.writeUInt8(bytes.readUInt8(at) ^ 0xff, at);
}

/** Changes one byte in place and puts the file's times back, as a careless tool or bit rot might. */
function damageKeepingStat(file: string): void {
  const { atime, mtime } = statSync(file);
  const bytes = readFileSync(file);
  flipByte(bytes);
  writeFileSync(file, bytes);
  utimesSync(file, atime, mtime);
}

const tick = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('DownloadCache: damaged files', () => {
  it('never serves a truncated file and removes it (at once, and on reopen)', async () => {
    const root = tempDir();
    const cache = await open(root);
    const entry = await cache.ensure(at(0), 'original');
    truncateSync(entry.path, entry.size - 10);
    expect(cache.get(at(0).id, 'original')).toBeNull();
    await cache.close();
    expect(listFiles(root)).toEqual([]);

    const other = await open(root);
    const second = await other.ensure(at(1), 'original');
    await other.close();
    truncateSync(second.path, 5);
    const reopened = await open(root);
    expect(reopened.get(at(1).id, 'original')).toBeNull();
    expect(listFiles(root)).toEqual([]);
    await reopened.close();
  });

  it('drops a file whose bytes were changed in place (same size) when the cache reopens', async () => {
    const root = tempDir();
    const cache = await open(root);
    const entry = await cache.ensure(at(2), 'original');
    await cache.close();
    await tick(30); // let the clock move past the file's mtime, as any later edit would
    const bytes = readFileSync(entry.path);
    flipByte(bytes);
    writeFileSync(entry.path, bytes);

    const reopened = await open(root);
    expect(reopened.get(at(2).id, 'original')).toBeNull();
    expect(listFiles(root)).toEqual([]);
    // …and it downloads a good copy again.
    const fresh = await reopened.ensure(at(2), 'original');
    expect(fresh.sha256).toBe(entry.sha256);
    await reopened.close();
  });

  it('verify() hashes the file and drops it when its bytes changed behind an unchanged size and mtime', async () => {
    const root = tempDir();
    const cache = await open(root);
    const entry = await cache.ensure(at(3), 'original');
    await cache.close();
    damageKeepingStat(entry.path);

    const reopened = await open(root);
    expect(reopened.get(at(3).id, 'original')).not.toBeNull(); // size and mtime agree: not hashed at open
    expect(await reopened.verify(at(3).id, 'original')).toBeNull();
    expect(reopened.get(at(3).id, 'original')).toBeNull();
    await reopened.close();
    expect(listFiles(root)).toEqual([]);
  });

  it('verifyHashesOnOpen hashes every file at open and drops the ones that changed', async () => {
    const root = tempDir();
    const cache = await open(root);
    const damaged = await cache.ensure(at(3), 'original');
    const intact = await cache.ensure(at(4), 'original');
    await cache.close();
    damageKeepingStat(damaged.path);

    const checking = await open(root, { verifyHashesOnOpen: true });
    expect(checking.get(at(3).id, 'original')).toBeNull();
    expect(checking.get(at(4).id, 'original')?.sha256).toBe(intact.sha256);
    expect(listFiles(root)).toHaveLength(2);
    await checking.close();
  });

  it('removes entries whose sidecar is missing, unreadable or filed under another key', async () => {
    const root = tempDir();
    const cache = await open(root);
    const [a, b, c, d] = await Promise.all(
      [0, 1, 2, 3].map((index) => cache.ensure(at(index + 4), 'original')),
    );
    await cache.close();
    if (!a || !b || !c || !d) throw new Error('missing entries');
    const sidecarOf = (file: string): string => file.replace(/\.png$/, '.json');
    await nodeCacheFs.unlink(sidecarOf(a.path));
    writeFileSync(sidecarOf(b.path), '{"version":1,');
    const sidecarC = JSON.parse(readFileSync(sidecarOf(c.path), 'utf8')) as Record<string, unknown>;
    writeFileSync(sidecarOf(c.path), JSON.stringify({ ...sidecarC, artworkId: at(9).id }));

    const reopened = await open(root);
    expect([a, b, c, d].map((entry) => reopened.resolve(entry.key) !== null)).toEqual([
      false,
      false,
      false,
      true,
    ]);
    expect(listFiles(root)).toHaveLength(2);
    await reopened.close();
  });
});

describe('DownloadCache: temp files and failed writes', () => {
  it('removes temp files of dead writers at open, spares a live writer’s and files it does not know', async () => {
    const root = tempDir();
    const cache = await open(root);
    const entry = await cache.ensure(at(10), 'original');
    await cache.close();
    const dir = path.dirname(entry.path);
    const key = cacheKeyOf('stray', 'original');
    const dead = path.join(dir, `${key}.${DEAD_PID}-0badc0de.tmp`);
    const deadSidecar = path.join(dir, `${entry.key}.json.${DEAD_PID}-0badc0de.tmp`);
    const live = path.join(dir, `${key}.${process.pid}-00c0ffee.tmp`);
    const foreign = path.join(root, 'README.txt');
    for (const file of [dead, deadSidecar, live, foreign]) writeFileSync(file, 'partial');

    const reopened = await open(root);
    const files = listFiles(root).map((file) => path.join(root, file));
    expect(files).toContain(live);
    expect(files).toContain(foreign);
    expect(files).not.toContain(dead);
    expect(files).not.toContain(deadSidecar);
    expect(reopened.get(at(10).id, 'original')?.sha256).toBe(entry.sha256);
    await reopened.close();
  });

  it('a full disk while writing the file: a clear error, and nothing left on disk', async () => {
    const root = tempDir();
    const cache = await open(root, { fs: failingFs(DATA_TEMP, 'ENOSPC') });
    const failure = cache.ensure(at(11), 'original');
    await expect(failure).rejects.toMatchObject({ name: 'NekodeskError', code: 'internal' });
    await expect(failure).rejects.toThrow(DISK_FULL);
    expect(listFiles(root)).toEqual([]);
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
    await cache.close();
  });

  it('a full disk while writing the sidecar: the data file written before it is removed too', async () => {
    const root = tempDir();
    const cache = await open(root, { fs: failingFs(SIDECAR_TEMP, 'ENOSPC') });
    await expect(cache.ensure(at(12), 'original')).rejects.toThrow(DISK_FULL);
    expect(listFiles(root)).toEqual([]);
    expect(cache.get(at(12).id, 'original')).toBeNull();
    await cache.close();

    const healthy = await open(root);
    const entry = await healthy.ensure(at(12), 'original');
    expect(readFileSync(entry.path).byteLength).toBe(entry.size);
    await healthy.close();
  });

  it('a folder it may not write to: a clear error naming the problem', async () => {
    const root = tempDir();
    const cache = await open(root, { fs: failingFs(DATA_TEMP, 'EACCES') });
    await expect(cache.ensure(at(13), 'original')).rejects.toThrow(
      /^Nekodesk may not write to its cache folder \(EACCES\), so nekos\.best:.* was not saved; check the folder's permissions\.$/,
    );
    expect(listFiles(root)).toEqual([]);
    await cache.close();
  });
});

describe('DownloadCache: kill -9 at random moments', () => {
  const worker = fileURLToPath(new URL('./kill-worker.ts', import.meta.url));
  const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

  it('is consistent after every kill: each served entry has the right size and sha256, no temp files', async () => {
    const root = tempDir();
    const artworks = [...art.slice(0, 40), ...nekosiaArtworks(nekosia.origin).slice(0, 20)];
    const expected = new Map<string, string>();
    for (const artwork of artworks) {
      for (const variant of ['original', 'preview'] as const) {
        const url = variant === 'original' ? artwork.url : artwork.previewUrl;
        const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
        expected.set(cacheKeyOf(artwork.id, variant), sha256(bytes));
      }
    }
    let served = 0;
    for (let run = 0; run < 6; run++) {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', worker, root, nekos.baseUrl, nekosia.origin],
        {
          cwd: projectRoot,
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      const ready = await Promise.race([
        once(child.stdout, 'data').then(([chunk]) => String(chunk)),
        once(child, 'exit').then(([code]) => `exited with ${String(code)} before it was ready`),
      ]);
      expect(ready).toBe('ready\n');
      await tick(20 + Math.random() * 280);
      child.kill('SIGKILL');
      const [, signal] = (await once(child, 'exit')) as [number | null, string | null];
      expect(signal).toBe('SIGKILL'); // it was still working, not dead of its own error

      const cache = await open(root);
      const files = listFiles(root);
      expect(files.filter((file) => file.endsWith('.tmp'))).toEqual([]);
      let entries = 0;
      for (const key of expected.keys()) {
        const entry = cache.resolve(key);
        if (entry === null) continue;
        entries += 1;
        const bytes = readFileSync(entry.path);
        expect(bytes.byteLength).toBe(entry.size);
        expect(sha256(bytes)).toBe(entry.sha256);
        expect(entry.sha256).toBe(expected.get(key));
      }
      expect(cache.stats().entries).toBe(entries);
      expect(files).toHaveLength(entries * 2); // each entry's data file and sidecar, nothing else
      served += entries;
      await cache.close();
    }
    expect(served).toBeGreaterThan(0);
  }, 30_000);
});
