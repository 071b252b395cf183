/** The clipboard's image for identification, read through Electron 45's W3C-style clipboard. */
import type { Clipboard } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readClipboardImage } from '../../main/shell/clipboard-image';
import { encodePng } from '../fakes/image-bytes';
import { clipboard, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const read = () => readClipboardImage(clipboard as unknown as Pick<Clipboard, 'read'>);

beforeEach(() => {
  resetFakeElectron();
});

describe('readClipboardImage', () => {
  it('takes the PNG a copied image is offered as', async () => {
    const png = encodePng(8, 6, [10, 20, 30]);
    clipboard.copyFromAnotherApp({ 'text/html': '<img src="x">', 'image/png': png });
    expect(Buffer.from((await read()) ?? [])).toEqual(png);
  });

  it('falls back to another raster type, never to SVG', async () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 1, 2]);
    clipboard.copyFromAnotherApp({ 'image/svg+xml': '<svg/>', 'image/jpeg': jpeg });
    expect(await read()).toEqual(jpeg);
    clipboard.copyFromAnotherApp({ 'image/svg+xml': '<svg/>' });
    expect(await read()).toBeNull();
  });

  it('answers null for an empty clipboard, text, or an empty image', async () => {
    expect(await read()).toBeNull();
    clipboard.copyFromAnotherApp({ 'text/plain': 'https://example.com/a.png' });
    expect(await read()).toBeNull();
    clipboard.copyFromAnotherApp({ 'image/png': new Uint8Array() });
    expect(await read()).toBeNull();
  });
});
