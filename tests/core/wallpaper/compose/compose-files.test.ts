import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { NekodeskError } from '../../../../main/core/errors';
import { composeWallpaper } from '../../../../main/core/wallpaper/compose/compose-wallpaper';
import { pruneOutputs } from '../../../../main/core/wallpaper/compose/output-files';
import type { Monitor } from '../../../../main/core/wallpaper/types';
import { useTempDir } from '../../../support/temp-dir';
import { GREEN, solidImage, writeBytes } from './test-images';

const tempDir = useTempDir('nekodesk-outputs-');
const MONITOR: Monitor = { id: 'DP-1', x: 0, y: 0, width: 640, height: 360 };

async function composeOnce(dir: string, now?: number) {
  const file = await solidImage(dir, 'art.png', 320, 180, GREEN);
  return composeWallpaper({
    monitors: [MONITOR],
    images: [{ file, fit: 'fill' }],
    outDir: path.join(dir, 'out'),
    ...(now === undefined ? {} : { now }),
  });
}

describe('composeWallpaper: output files', () => {
  it('names each composition uniquely (timestamp + hash) and leaves no temporary files', async () => {
    const dir = tempDir();
    const now = Date.UTC(2025, 0, 2, 3, 4, 5, 678);
    const first = await composeOnce(dir, now);
    const second = await composeOnce(dir, now);
    expect(path.basename(first.spanFile)).toMatch(/^wallpaper-20250102T030405678Z-[0-9a-f]{8}-span\.jpg$/);
    expect(second.spanFile).not.toBe(first.spanFile);
    const names = await readdir(path.join(dir, 'out'));
    expect(names.sort()).toEqual(
      [first.spanFile, second.spanFile, first.perMonitor[0]!.file, second.perMonitor[0]!.file]
        .map((file) => path.basename(file))
        .sort(),
    );
  });

  it('pruneOutputs keeps the current files and anything not ours, and removes older compositions', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'out');
    const old = await composeOnce(dir);
    const current = await composeOnce(dir);
    await writeFile(path.join(out, 'notes.txt'), 'mine');
    const staleTemp = path.join(out, '.wallpaper-x.jpg.0123abcd.tmp');
    const freshTemp = path.join(out, '.wallpaper-y.jpg.4567cdef.tmp');
    await writeFile(staleTemp, '');
    await writeFile(freshTemp, '');
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    await utimes(staleTemp, hourAgo, hourAgo);

    const keep = [current.spanFile, ...current.perMonitor.map((entry) => entry.file)];
    const removed = await pruneOutputs(out, keep);

    expect(removed.sort()).toEqual([old.spanFile, old.perMonitor[0]!.file, staleTemp].sort());
    expect((await readdir(out)).sort()).toEqual(
      [...keep.map((file) => path.basename(file)), 'notes.txt', path.basename(freshTemp)].sort(),
    );
    expect(await readFile(path.join(out, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('pruneOutputs on a missing folder removes nothing', async () => {
    expect(await pruneOutputs(path.join(tempDir(), 'missing'), [])).toEqual([]);
  });
});

describe('composeWallpaper: bad input', () => {
  async function rejection(promise: Promise<unknown>): Promise<NekodeskError> {
    const error: unknown = await promise.then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(NekodeskError);
    return error as NekodeskError;
  }

  it('rejects a file that is not an image with a clear invalid_input error', async () => {
    const dir = tempDir();
    const file = await writeBytes(dir, 'broken.jpg', 'this is not a JPEG at all');
    const error = await rejection(
      composeWallpaper({
        monitors: [MONITOR],
        images: [{ file, fit: 'auto' }],
        outDir: path.join(dir, 'out'),
      }),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain(`${file} is not an image Nekodesk can read`);
  });

  it('rejects a truncated JPEG whose header is fine', async () => {
    const dir = tempDir();
    const good = await readFile(await solidImage(dir, 'art.png', 10, 10, GREEN));
    const jpeg = await sharp(good).resize(800, 600).jpeg().toBuffer();
    const file = await writeBytes(dir, 'cut.jpg', jpeg.subarray(0, Math.floor(jpeg.length * 0.6)));
    const error = await rejection(
      composeWallpaper({
        monitors: [MONITOR],
        images: [{ file, fit: 'fill' }],
        outDir: path.join(dir, 'out'),
      }),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('is not an image Nekodesk can read');
  });

  it('rejects an SVG: only raster artwork is read', async () => {
    const dir = tempDir();
    const file = await writeBytes(
      dir,
      'art.svg',
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
    );
    const error = await rejection(
      composeWallpaper({
        monitors: [MONITOR],
        images: [{ file, fit: 'fill' }],
        outDir: path.join(dir, 'out'),
      }),
    );
    expect(error.code).toBe('invalid_input');
  });

  it('reports a missing file as not_found', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'gone.png');
    const error = await rejection(
      composeWallpaper({
        monitors: [MONITOR],
        images: [{ file, fit: 'fill' }],
        outDir: path.join(dir, 'out'),
      }),
    );
    expect(error.code).toBe('not_found');
    expect(error.message).toContain(file);
  });

  it('needs exactly one image per monitor', async () => {
    const dir = tempDir();
    const error = await rejection(composeWallpaper({ monitors: [MONITOR], images: [], outDir: dir }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('one image per monitor');
  });
});
