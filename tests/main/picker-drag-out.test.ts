/**
 * Dragging a file out of the picker: only files inside the download cache (resolved through links), with
 * a small icon from the preview when it can be read, else the app's icon.
 */
import type { NativeImage, WebContents } from 'electron';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DRAG_ICON_SIZE, insideFolder, startDragOut } from '../../main/shell/drag-out';
import { FakeWebContents, nativeImage, resetFakeElectron, type FakeNativeImage } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let root: string;
let cache: string;
let gif: string;
let icon: string;

beforeEach(() => {
  resetFakeElectron();
  root = mkdtempSync(path.join(os.tmpdir(), 'nekodesk-drag-'));
  cache = path.join(root, 'cache', 'artwork');
  mkdirSync(path.join(cache, 'ab'), { recursive: true });
  gif = path.join(cache, 'ab', 'abcd.gif');
  writeFileSync(gif, 'GIF89a');
  icon = path.join(root, 'icon.png');
  writeFileSync(icon, 'png');
  writeFileSync(path.join(root, 'secret.txt'), 'no');
});

function drag(contents: FakeWebContents, file: string, iconPath: string | null = null): Promise<void> {
  return startDragOut(contents as unknown as WebContents, file, {
    cacheRoot: cache,
    iconPath,
    fallbackIcon: icon,
    nativeImage: nativeImage as unknown as { createFromPath(file: string): NativeImage },
  });
}

describe('the drag-out path guard', () => {
  it('accepts a cached file and refuses anything outside the cache', async () => {
    expect(await insideFolder(cache, gif)).toBe(gif);
    expect(await insideFolder(cache, path.join(root, 'secret.txt'))).toBeNull();
    expect(await insideFolder(cache, path.join(cache, '..', '..', 'secret.txt'))).toBeNull();
    expect(await insideFolder(cache, 'ab/abcd.gif')).toBeNull();
    expect(await insideFolder(cache, cache)).toBeNull();
    expect(await insideFolder(cache, path.join(cache, 'ab'))).toBeNull();
    expect(await insideFolder(cache, path.join(cache, 'ab', 'missing.gif'))).toBeNull();
  });

  it('refuses a link inside the cache that points outside it', async () => {
    const link = path.join(cache, 'ab', 'link.gif');
    symlinkSync(path.join(root, 'secret.txt'), link);
    expect(await insideFolder(cache, link)).toBeNull();
  });
});

describe('startDragOut', () => {
  it('starts the drag with the file and a small icon, the app icon when the preview cannot be read', async () => {
    const contents = new FakeWebContents();
    await drag(contents, gif, path.join(cache, 'ab', 'abcd-160-poster.webp'));
    const [item] = contents.drags;
    expect(item?.file).toBe(gif);
    const image = item?.icon as FakeNativeImage;
    expect(image.path).toBe(icon);
    expect(image.resizedTo).toEqual({ width: DRAG_ICON_SIZE });
  });

  it('uses the preview when it can be read', async () => {
    const contents = new FakeWebContents();
    const png = path.join(cache, 'ab', 'poster.png');
    writeFileSync(png, 'png');
    await drag(contents, gif, png);
    expect((contents.drags[0]?.icon as FakeNativeImage).path).toBe(png);
  });

  it('answers invalid_input for a file outside the cache and drags nothing', async () => {
    const contents = new FakeWebContents();
    await expect(drag(contents, path.join(root, 'secret.txt'))).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect(contents.drags).toEqual([]);
  });
});
