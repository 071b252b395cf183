/**
 * The app's clipboard writer over Electron 45's clipboard: one atomic write per copy, with each platform's
 * file formats (on Linux also the image file's own bytes, read from a real file), the text always, the PNG
 * for mode `image`; fewer formats when the platform refuses some.
 */
import type { Clipboard, ClipboardItem } from 'electron';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createElectronClipboard, osFormat } from '../../main/shell/electron-clipboard';
import { encodeGif, encodePng } from '../fakes/image-bytes';
import { useTempDir } from '../support/temp-dir';
import { clipboard, ClipboardItem as FakeItem, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const log = { error: vi.fn(), warn: vi.fn(), info: vi.fn(), debug: vi.fn() };
const URL_TEXT = 'https://nekos.best/api/v2/hug/abc.gif';

function writer(platform: NodeJS.Platform) {
  return createElectronClipboard({
    clipboard: clipboard as unknown as Pick<Clipboard, 'write' | 'writeText'>,
    ClipboardItem: FakeItem as unknown as new (items: Record<string, string | Blob>) => ClipboardItem,
    platform,
    log,
  });
}

function text(bytes: Uint8Array | undefined): string {
  return new TextDecoder().decode(bytes);
}

const temp = useTempDir();

beforeEach(() => {
  resetFakeElectron();
  log.warn.mockClear();
});

describe('a file on the clipboard', () => {
  it('Linux: text/uri-list, gnome-copied-files, the GIF bytes as image/gif and the URL, in one write', async () => {
    const gif = path.join(temp(), 'a b.gif');
    const bytes = encodeGif(4, 3, [250, 120, 10]);
    writeFileSync(gif, bytes);
    await writer('linux').write({ files: [gif], text: URL_TEXT });
    expect(clipboard.writes).toHaveLength(1);
    const now = clipboard.current();
    expect([...now.keys()].sort()).toEqual(
      [
        osFormat('text/uri-list'),
        osFormat('x-special/gnome-copied-files'),
        osFormat('image/gif'),
        'text/plain',
      ].sort(),
    );
    const url = pathToFileURL(gif).href;
    expect(url).toContain('a%20b.gif');
    expect(text(now.get(osFormat('text/uri-list')))).toBe(`${url}\r\n`);
    expect(text(now.get(osFormat('x-special/gnome-copied-files')))).toBe(`copy\n${url}`);
    expect(Buffer.from(now.get(osFormat('image/gif')) ?? []).equals(bytes)).toBe(true);
    expect(text(now.get('text/plain'))).toBe(URL_TEXT);
  });

  it('Linux: the image type comes from the bytes, not the name; a file that is no image adds none', async () => {
    const png = path.join(temp(), 'really-a-png.gif');
    writeFileSync(png, encodePng(2, 2, [1, 2, 3]));
    await writer('linux').write({ files: [png], text: URL_TEXT });
    expect(clipboard.current().has(osFormat('image/png'))).toBe(true);
    expect(clipboard.current().has(osFormat('image/gif'))).toBe(false);

    const notes = path.join(temp(), 'notes.gif');
    writeFileSync(notes, 'GIF? no.');
    await writer('linux').write({ files: [notes], text: URL_TEXT });
    expect([...clipboard.current().keys()].sort()).toEqual(
      [osFormat('text/uri-list'), osFormat('x-special/gnome-copied-files'), 'text/plain'].sort(),
    );
  });

  it('Linux: a file that cannot be read is still offered as a file, with a warning', async () => {
    await writer('linux').write({ files: ['/nonexistent/nekodesk/a.gif'], text: URL_TEXT });
    expect([...clipboard.current().keys()].sort()).toEqual(
      [osFormat('text/uri-list'), osFormat('x-special/gnome-copied-files'), 'text/plain'].sort(),
    );
    expect(log.warn).toHaveBeenCalledWith(
      expect.stringMatching(/Could not read the copied file/),
      expect.anything(),
    );
  });

  it('macOS: public.file-url and an NSFilenamesPboardType plist, with the URL', async () => {
    await writer('darwin').write({ files: ['/Users/me/Library/Caches/Nekodesk/<odd>&.gif'], text: URL_TEXT });
    const now = clipboard.current();
    expect(text(now.get(osFormat('public.file-url')))).toBe(
      'file:///Users/me/Library/Caches/Nekodesk/%3Codd%3E&.gif',
    );
    const plist = text(now.get(osFormat('NSFilenamesPboardType')));
    expect(plist).toContain(
      '<plist version="1.0"><array><string>/Users/me/Library/Caches/Nekodesk/&#60;odd&#62;&#38;.gif</string></array></plist>',
    );
    expect(text(now.get('text/plain'))).toBe(URL_TEXT);
  });

  it('Windows: FileNameW as UTF-16LE with a NUL, with the URL', async () => {
    const file = 'C:\\Users\\me\\AppData\\Local\\Nekodesk\\ねこ.gif';
    await writer('win32').write({ files: [file], text: URL_TEXT });
    const now = clipboard.current();
    expect(
      Buffer.from(now.get(osFormat('FileNameW')) ?? []).equals(Buffer.from(`${file}\0`, 'utf16le')),
    ).toBe(true);
    expect(text(now.get('text/plain'))).toBe(URL_TEXT);
  });
});

describe('other modes', () => {
  it('image: the PNG and the URL together', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    await writer('linux').write({ files: [], text: URL_TEXT, imagePng: png });
    const now = clipboard.current();
    expect([...now.keys()].sort()).toEqual(['image/png', 'text/plain']);
    expect([...(now.get('image/png') ?? [])]).toEqual([...png]);
  });

  it('link and markdown: the text alone, HTML too when given', async () => {
    await writer('darwin').write({ files: [], text: URL_TEXT, html: `<img src="${URL_TEXT}">` });
    expect([...clipboard.current().keys()].sort()).toEqual(['text/html', 'text/plain']);
  });
});

describe('when the platform refuses a format', () => {
  it('Linux: without the image bytes, the file and the URL still go', async () => {
    const gif = path.join(temp(), 'a.gif');
    writeFileSync(gif, encodeGif(2, 2, [9, 9, 9]));
    clipboard.refused.add(osFormat('image/gif'));
    await writer('linux').write({ files: [gif], text: URL_TEXT });
    expect([...clipboard.current().keys()].sort()).toEqual(
      [osFormat('text/uri-list'), osFormat('x-special/gnome-copied-files'), 'text/plain'].sort(),
    );
  });

  it('writes the standard formats without the file formats, then the text alone', async () => {
    clipboard.refused.add(osFormat('FileNameW'));
    await writer('win32').write({ files: ['C:\\a.gif'], text: URL_TEXT });
    expect([...clipboard.current().keys()]).toEqual(['text/plain']);

    clipboard.refused.add('image/png');
    await writer('linux').write({ files: [], text: URL_TEXT, imagePng: new Uint8Array([1]) });
    expect([...clipboard.current().keys()]).toEqual(['text/plain']);
    expect(text(clipboard.current().get('text/plain'))).toBe(URL_TEXT);
    expect(log.warn).toHaveBeenCalled();
  });
});
