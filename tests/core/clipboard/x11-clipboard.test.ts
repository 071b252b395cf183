/**
 * The real thing: xclip owns the CLIPBOARD of a private X server, and what it serves is read back
 * (`xclip -o -t TARGETS`, then each target).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSystemClipboard, payloadFor, type ClipboardWriter } from '../../../main/core/clipboard';
import { encodeGif } from '../../fakes/image-bytes';
import { useTempDir } from '../../support/temp-dir';
import { requireX11Tools, startXvfb, type XvfbServer } from '../../support/xvfb';
import { gifArtwork } from './artwork-fixture';

const tools = requireX11Tools(['Xvfb', 'xclip']);

describe.skipIf(!tools.available)('X11 clipboard (xclip under Xvfb)', () => {
  const temp = useTempDir();
  let xvfb: XvfbServer;
  let writer: ClipboardWriter;
  let env: Record<string, string | undefined>;

  beforeAll(async () => {
    xvfb = await startXvfb();
    env = { ...process.env, DISPLAY: xvfb.display, WAYLAND_DISPLAY: undefined };
    writer = createSystemClipboard({ platform: 'linux', env });
  });
  // Closing the server ends the xclip processes serving its selection.
  afterAll(() => xvfb.close());

  const read = (target: string): Buffer =>
    execFileSync('xclip', ['-selection', 'clipboard', '-o', '-t', target], {
      env: { ...process.env, DISPLAY: xvfb.display },
      timeout: 5_000,
    });
  const targets = (): string[] => read('TARGETS').toString('utf8').split('\n').filter(Boolean);

  it('a GIF file: text/uri-list names the file, whose bytes are the GIF', async () => {
    const dir = path.join(temp(), "a folder with spaces, ü & #1's");
    execFileSync('mkdir', ['-p', dir]);
    const gif = path.join(dir, 'hug 100%.gif');
    const bytes = encodeGif(8, 6, [30, 120, 200]);
    writeFileSync(gif, bytes);
    await writer.write(await payloadFor('file', gifArtwork(), gif));

    expect(targets()).toContain('text/uri-list');
    const list = read('text/uri-list').toString('utf8');
    expect(list).toMatch(/^file:\/\/\/[^\r\n]+\r\n$/);
    const named = fileURLToPath(list.trim());
    expect(named).toBe(gif);
    expect(readFileSync(named).equals(bytes)).toBe(true);
  });

  it('a link: UTF8_STRING and text/plain read back the URL', async () => {
    await writer.write(await payloadFor('link', gifArtwork(), '/unused.gif'));
    expect(targets()).toContain('UTF8_STRING');
    expect(read('UTF8_STRING').toString('utf8')).toBe(gifArtwork().url);
    expect(read('text/plain').toString('utf8')).toBe(gifArtwork().url);
  });

  it('markdown with non-ASCII and brackets reads back unchanged', async () => {
    const artwork = gifArtwork({ anime: 'Sōsō no [Frieren]' });
    await writer.write(await payloadFor('markdown', artwork, '/unused.gif'));
    expect(read('UTF8_STRING').toString('utf8')).toBe(`![Sōsō no \\[Frieren\\]](${artwork.url})`);
  });

  it('an image: image/png is the first frame', async () => {
    const gif = path.join(temp(), 'frame.gif');
    writeFileSync(gif, encodeGif(5, 3, [10, 200, 10]));
    const payload = await payloadFor('image', gifArtwork(), gif);
    await writer.write(payload);
    expect(targets()).toContain('image/png');
    expect(read('image/png').equals(Buffer.from(payload.imagePng ?? new Uint8Array()))).toBe(true);
  });

  it('a display that does not exist: one clear error', async () => {
    const broken = createSystemClipboard({ platform: 'linux', env: { ...env, DISPLAY: ':65000' } });
    await expect(broken.write({ files: [], text: 'x' })).rejects.toThrow(
      /Could not copy to the clipboard with xclip/,
    );
  });
});
