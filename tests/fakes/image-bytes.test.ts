import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeGif, encodeJpeg, encodePng } from './image-bytes';

/** Splits a PNG into chunks, checking each CRC with zlib's own crc32 when available. */
function pngChunks(png: Buffer): { type: string; data: Buffer }[] {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const chunks: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    chunks.push({
      type: png.toString('latin1', at + 4, at + 8),
      data: png.subarray(at + 8, at + 8 + length),
    });
    at += 12 + length;
  }
  return chunks;
}

/** A small GIF reader: frames as palette-index arrays (LZW decoded). */
function gifFrames(gif: Buffer): { indices: number[]; loop: boolean; palette: Buffer } {
  expect(gif.toString('latin1', 0, 6)).toBe('GIF89a');
  const width = gif.readUInt16LE(6);
  const height = gif.readUInt16LE(8);
  const tableSize = 3 * (1 << ((gif[10]! & 7) + 1));
  const palette = gif.subarray(13, 13 + tableSize);
  let at = 13 + tableSize;
  let loop = false;
  const frames: number[][] = [];
  const readBlocks = (): Buffer => {
    const parts: Buffer[] = [];
    while (gif[at] !== 0) {
      parts.push(gif.subarray(at + 1, at + 1 + gif[at]!));
      at += 1 + gif[at]!;
    }
    at++;
    return Buffer.concat(parts);
  };
  while (gif[at] !== 0x3b) {
    if (gif[at] === 0x21) {
      const label = gif[at + 1];
      at += 2;
      const data = readBlocks();
      if (label === 0xff && data.toString('latin1', 0, 11) === 'NETSCAPE2.0') loop = true;
    } else if (gif[at] === 0x2c) {
      at += 10;
      const minCode = gif[at++]!;
      const data = readBlocks();
      const out: number[] = [];
      const clear = 1 << minCode;
      let size = minCode + 1;
      let dict: number[][] = [];
      let prev: number[] | undefined;
      let bitPos = 0;
      const reset = (): void => {
        dict = Array.from({ length: clear + 2 }, (_, i) => [i]);
        size = minCode + 1;
        prev = undefined;
      };
      reset();
      for (;;) {
        let code = 0;
        for (let i = 0; i < size; i++, bitPos++) code |= ((data[bitPos >> 3]! >> (bitPos & 7)) & 1) << i;
        if (code === clear) {
          reset();
          continue;
        }
        if (code === clear + 1) break;
        const entry = code < dict.length ? dict[code]! : [...prev!, prev![0]!];
        out.push(...entry);
        if (prev) dict.push([...prev, entry[0]!]);
        if (dict.length === 1 << size && size < 12) size++;
        prev = entry;
      }
      expect(out).toHaveLength(width * height);
      frames.push(out);
    } else throw new Error(`unexpected GIF block ${gif[at]}`);
  }
  expect(frames).toHaveLength(2);
  return { indices: frames.flat(), loop, palette };
}

describe('image bytes', () => {
  it('encodes a PNG whose IHDR and pixels are what was asked', () => {
    const png = encodePng(5, 6, [10, 20, 30], [200, 210, 220]);
    const chunks = pngChunks(png);
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(chunks[0]!.data.readUInt32BE(0)).toBe(5);
    expect(chunks[0]!.data.readUInt32BE(4)).toBe(6);
    const raw = inflateSync(chunks[1]!.data);
    expect(raw).toHaveLength(6 * (1 + 5 * 3));
    expect([...raw.subarray(1, 4)]).toEqual([10, 20, 30]); // row 0
    expect([...raw.subarray(2 * 16 + 1, 2 * 16 + 4)]).toEqual([200, 210, 220]); // row 2: the band
  });

  it('encodes an endlessly looping GIF with two different frames that decode to full size', () => {
    const gif = encodeGif(40, 30, [255, 0, 0], [0, 0, 255]);
    const { indices, loop, palette } = gifFrames(gif);
    expect(loop).toBe(true);
    expect([...palette.subarray(0, 6)]).toEqual([255, 0, 0, 0, 0, 255]);
    const frame1 = indices.slice(0, 1200);
    const frame2 = indices.slice(1200);
    expect(frame1).not.toEqual(frame2);
    expect(frame1[15 * 40 + 20]).toBe(1); // centre square in the accent colour
    expect(frame2[15 * 40 + 20]).toBe(0);
  });

  it('keeps a large GIF decodable (the LZW table fills and clears)', () => {
    const { indices } = gifFrames(encodeGif(700, 500, [1, 2, 3]));
    expect(indices).toHaveLength(2 * 700 * 500);
  });

  it('encodes a baseline JPEG with its size in SOF0', () => {
    const jpeg = encodeJpeg(33, 17, [0, 128, 255]);
    expect([...jpeg.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect([...jpeg.subarray(-2)]).toEqual([0xff, 0xd9]);
    const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    expect(sof).toBeGreaterThan(0);
    expect(jpeg.readUInt16BE(sof + 5)).toBe(17);
    expect(jpeg.readUInt16BE(sof + 7)).toBe(33);
  });
});
