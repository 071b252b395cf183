import { describe, expect, it } from 'vitest';
import { sniffImageType } from '../../main/core/image-type';
import { encodeGif, encodeJpeg, encodePng } from '../fakes';

describe('sniffImageType', () => {
  it('recognises real PNG, GIF and JPEG files and a WebP header', () => {
    expect(sniffImageType(encodePng(3, 3, [1, 2, 3]))?.contentType).toBe('image/png');
    expect(sniffImageType(encodeGif(3, 3, [1, 2, 3]))?.contentType).toBe('image/gif');
    expect(sniffImageType(encodeJpeg(8, 8, [1, 2, 3]))?.contentType).toBe('image/jpeg');
    const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]);
    expect(sniffImageType(webp)).toEqual({ extension: 'webp', contentType: 'image/webp' });
  });

  it.each([
    ['an HTML error page', Buffer.from('<!DOCTYPE html><title>502</title>')],
    ['JSON', Buffer.from('{"message":"Not Found"}')],
    ['an empty body', Buffer.alloc(0)],
    ['a cut-off PNG signature', encodePng(3, 3, [1, 2, 3]).subarray(0, 5)],
    [
      'a RIFF file that is not WebP',
      Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVE')]),
    ],
  ])('refuses %s', (_label, bytes) => {
    expect(sniffImageType(bytes)).toBeNull();
  });
});
