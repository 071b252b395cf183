/**
 * The app's clipboard writer over Electron 45's clipboard: one atomic write per copy, with each platform's
 * file formats, the text always, the PNG for mode `image`; fewer formats when the platform refuses some.
 */
import type { Clipboard, ClipboardItem } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createElectronClipboard, osFormat } from '../../main/shell/electron-clipboard';
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

beforeEach(() => {
  resetFakeElectron();
});

describe('a file on the clipboard', () => {
  it('Linux: text/uri-list, gnome-copied-files and the URL, in one write', async () => {
    await writer('linux').write({ files: ['/home/me/.cache/nekodesk/a b.gif'], text: URL_TEXT });
    expect(clipboard.writes).toHaveLength(1);
    const now = clipboard.current();
    expect([...now.keys()].sort()).toEqual(
      [osFormat('text/uri-list'), osFormat('x-special/gnome-copied-files'), 'text/plain'].sort(),
    );
    expect(text(now.get(osFormat('text/uri-list')))).toBe('file:///home/me/.cache/nekodesk/a%20b.gif\r\n');
    expect(text(now.get(osFormat('x-special/gnome-copied-files')))).toBe(
      'copy\nfile:///home/me/.cache/nekodesk/a%20b.gif',
    );
    expect(text(now.get('text/plain'))).toBe(URL_TEXT);
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
