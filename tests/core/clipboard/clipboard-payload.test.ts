import { writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { gnomeCopiedFiles, markdownImage, payloadFor, uriList } from '../../../main/core/clipboard';
import { encodeGif } from '../../fakes/image-bytes';
import { useTempDir } from '../../support/temp-dir';
import { gifArtwork } from './artwork-fixture';

describe('payloadFor', () => {
  const temp = useTempDir();
  const file = '/tmp/cache/hug.gif';

  it('file: the file, and the URL as text', async () => {
    expect(await payloadFor('file', gifArtwork(), file)).toEqual({ files: [file], text: gifArtwork().url });
  });

  it('link: only the URL', async () => {
    expect(await payloadFor('link', gifArtwork(), file)).toEqual({ files: [], text: gifArtwork().url });
  });

  it('markdown: the anime (else the category) as alt text', async () => {
    const { text } = await payloadFor('markdown', gifArtwork(), file);
    expect(text).toBe(`![Frieren](${gifArtwork().url})`);
    expect((await payloadFor('markdown', gifArtwork({ anime: null }), file)).text).toBe(
      `![hug](${gifArtwork().url})`,
    );
  });

  it('markdown: escapes brackets and backslashes, folds newlines, encodes the URL’s breaking characters', () => {
    const hostile = gifArtwork({ anime: 'a]](javascript:x)\\[b\n![c]', url: 'https://x.test/a b(1)<2>.gif' });
    expect(markdownImage(hostile)).toBe(
      '![a\\]\\](javascript:x)\\\\\\[b !\\[c\\]](https://x.test/a%20b%281%29%3C2%3E.gif)',
    );
    expect(markdownImage(gifArtwork({ anime: '  ' }))).toBe(`![image](${gifArtwork().url})`);
  });

  it('image: the first frame as PNG (sharp), and the URL as text', async () => {
    const gif = path.join(temp(), 'frame.gif');
    writeFileSync(gif, encodeGif(6, 4, [200, 40, 40]));
    const payload = await payloadFor('image', gifArtwork(), gif);
    expect(payload.files).toEqual([]);
    expect(payload.text).toBe(gifArtwork().url);
    expect(payload.imagePng).toBeInstanceOf(Uint8Array);
    const meta = await sharp(payload.imagePng).metadata();
    expect([meta.format, meta.width, meta.height, meta.pages ?? 1]).toEqual(['png', 6, 4, 1]);
  });

  it('refuses a relative file', async () => {
    await expect(payloadFor('file', gifArtwork(), 'hug.gif')).rejects.toThrow(/absolute/);
  });
});

describe('file lists', () => {
  it('text/uri-list: percent-encoded file URIs, CRLF after each', () => {
    expect(uriList(['/tmp/a b/#1%?.gif', '/tmp/ü.gif'])).toBe(
      'file:///tmp/a%20b/%231%25%3F.gif\r\nfile:///tmp/%C3%BC.gif\r\n',
    );
  });

  it('x-special/gnome-copied-files: copy, then the URIs', () => {
    expect(gnomeCopiedFiles(['/tmp/a b.gif'])).toBe('copy\nfile:///tmp/a%20b.gif');
  });
});
