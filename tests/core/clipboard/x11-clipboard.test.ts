/**
 * The real thing, as the CLI uses it: `createSystemClipboard` starts the background owner process on a
 * private X server, returns once it owns CLIPBOARD, and what it serves is read back with xclip
 * (`xclip -o -t TARGETS`, then each target). The owner process ends when another client copies.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSystemClipboard, payloadFor, type ClipboardWriter } from '../../../main/core/clipboard';
import { encodeGif } from '../../fakes/image-bytes';
import { useTempDir } from '../../support/temp-dir';
import { requireX11Tools, startXvfb, type XvfbServer } from '../../support/xvfb';
import { gifArtwork } from './artwork-fixture';
import { largeAnimatedGif } from './large-gif';
import { clipboardOwnerPid, isRunning } from './owner-process';
import { xclipIn, xclipOut, xclipTargets } from './xclip';

const tools = requireX11Tools(['Xvfb', 'xclip']);

describe.skipIf(!tools.available)('X11 clipboard (our owner process under Xvfb, read with xclip)', () => {
  const temp = useTempDir();
  let xvfb: XvfbServer;
  let writer: ClipboardWriter;
  let env: Record<string, string | undefined>;

  beforeAll(async () => {
    xvfb = await startXvfb();
    env = { ...process.env, DISPLAY: xvfb.display, WAYLAND_DISPLAY: undefined };
    writer = createSystemClipboard({ platform: 'linux', env });
  });
  // Closing the server ends the owner processes still serving its selection.
  afterAll(() => xvfb.close());

  const read = (target: string): Promise<Buffer> => xclipOut(xvfb.display, target);

  it('a multi-MB GIF file: TARGETS has text/uri-list and image/gif, both are the GIF', async () => {
    const dir = path.join(temp(), "a folder with spaces, ü & #1's");
    mkdirSync(dir);
    const gif = path.join(dir, 'hug 100%.gif');
    const bytes = await largeAnimatedGif();
    writeFileSync(gif, bytes);
    await writer.write(await payloadFor('file', gifArtwork(), gif));

    expect(await xclipTargets(xvfb.display)).toEqual(
      expect.arrayContaining([
        'TARGETS',
        'text/uri-list',
        'x-special/gnome-copied-files',
        'image/gif',
        'UTF8_STRING',
        'text/plain',
        'STRING',
      ]),
    );
    const list = (await read('text/uri-list')).toString('utf8');
    expect(list).toMatch(/^file:\/\/\/[^\r\n]+\r\n$/);
    const named = fileURLToPath(list.trim());
    expect(named).toBe(gif);
    expect(readFileSync(named).equals(bytes)).toBe(true);
    expect((await read('image/gif')).equals(bytes)).toBe(true);
    expect((await read('UTF8_STRING')).toString('utf8')).toBe(gifArtwork().url);
  });

  it('the owner process exits once another client copies', async () => {
    await writer.write(await payloadFor('link', gifArtwork(), '/unused.gif'));
    const pid = await clipboardOwnerPid(xvfb.display);
    expect(pid).toBeTypeOf('number');
    expect(pid).not.toBe(process.pid);
    expect(isRunning(pid ?? 0)).toBe(true);

    await xclipIn(xvfb.display, 'something else');
    await expect.poll(() => isRunning(pid ?? 0), { timeout: 3000 }).toBe(false);
    expect((await read('UTF8_STRING')).toString('utf8')).toBe('something else');
  });

  it('a link: UTF8_STRING and text/plain read back the URL, and no file is offered', async () => {
    await writer.write(await payloadFor('link', gifArtwork(), '/unused.gif'));
    expect(await xclipTargets(xvfb.display)).not.toContain('text/uri-list');
    expect((await read('UTF8_STRING')).toString('utf8')).toBe(gifArtwork().url);
    expect((await read('text/plain')).toString('utf8')).toBe(gifArtwork().url);
  });

  it('markdown with non-ASCII and brackets reads back unchanged', async () => {
    const artwork = gifArtwork({ anime: 'Sōsō no [Frieren]' });
    await writer.write(await payloadFor('markdown', artwork, '/unused.gif'));
    expect((await read('UTF8_STRING')).toString('utf8')).toBe(`![Sōsō no \\[Frieren\\]](${artwork.url})`);
  });

  it('an image: image/png is the first frame, with the URL as text', async () => {
    const gif = path.join(temp(), 'frame.gif');
    writeFileSync(gif, encodeGif(5, 3, [10, 200, 10]));
    const payload = await payloadFor('image', gifArtwork(), gif);
    await writer.write(payload);
    expect(await xclipTargets(xvfb.display)).toContain('image/png');
    expect((await read('image/png')).equals(Buffer.from(payload.imagePng ?? new Uint8Array()))).toBe(true);
    expect((await read('UTF8_STRING')).toString('utf8')).toBe(gifArtwork().url);
  });

  it('a display without a server, a file that cannot be read: one clear error each', async () => {
    const broken = createSystemClipboard({ platform: 'linux', env: { ...env, DISPLAY: ':65000' } });
    await expect(broken.write({ files: [], text: 'x' })).rejects.toThrow(
      'Cannot open the X display :65000: no X server is running there.',
    );
    const missing = path.join(temp(), 'gone.gif');
    await expect(writer.write({ files: [missing], text: 'x' })).rejects.toThrow(
      `Cannot read the file to copy, ${missing}: ENOENT`,
    );
  });
});
