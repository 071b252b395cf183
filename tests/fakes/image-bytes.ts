// Tiny but valid image files built in code, so the fakes serve real bytes a decoder accepts:
// PNG (zlib + CRC), an animated 2-frame GIF89a (LZW, NETSCAPE loop block) and a baseline JPEG of one colour.
import { deflateSync } from 'node:zlib';

export type Rgb = readonly [number, number, number];

const CRC_TABLE = ((): Uint32Array => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A width×height RGB PNG: `color` with a horizontal band of `accent` through the middle. */
export function encodePng(width: number, height: number, color: Rgb, accent: Rgb = lighten(color)): Buffer {
  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const c = y >= height / 3 && y < (2 * height) / 3 ? accent : color;
    const row = y * stride; // filter byte 0 (None) stays 0
    for (let x = 0; x < width; x++) raw.set(c, row + 1 + x * 3);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour, deflate, adaptive filtering, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function lzwEncode(indices: Uint8Array, minCodeSize: number): Buffer {
  const clear = 1 << minCodeSize;
  const eoi = clear + 1;
  let codeSize = minCodeSize + 1;
  let next = eoi + 1;
  const table = new Map<number, number>();
  const out: number[] = [];
  let bits = 0;
  let bitCount = 0;
  const emit = (code: number): void => {
    bits |= code << bitCount;
    bitCount += codeSize;
    while (bitCount >= 8) {
      out.push(bits & 0xff);
      bits >>>= 8;
      bitCount -= 8;
    }
  };
  emit(clear);
  let w = indices[0] ?? 0;
  for (let i = 1; i < indices.length; i++) {
    const k = indices[i] ?? 0;
    const key = w * 256 + k;
    const found = table.get(key);
    if (found !== undefined) {
      w = found;
      continue;
    }
    emit(w);
    if (next === 4096) {
      emit(clear);
      table.clear();
      next = eoi + 1;
      codeSize = minCodeSize + 1;
    } else {
      if (next >= 1 << codeSize) codeSize++;
      table.set(key, next++);
    }
    w = k;
  }
  emit(w);
  emit(eoi);
  if (bitCount > 0) out.push(bits & 0xff);
  return Buffer.from(out);
}

function subBlocks(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i < data.length; i += 255) {
    const part = data.subarray(i, i + 255);
    parts.push(Buffer.from([part.length]), part);
  }
  parts.push(Buffer.from([0]));
  return Buffer.concat(parts);
}

/** An endlessly looping 2-frame GIF89a: frame 1 is `color` with an `accent` square, frame 2 the reverse. */
export function encodeGif(width: number, height: number, color: Rgb, accent: Rgb = lighten(color)): Buffer {
  const screen = Buffer.alloc(7);
  screen.writeUInt16LE(width, 0);
  screen.writeUInt16LE(height, 2);
  screen.set([0xf1, 0, 0], 4); // global colour table, 8-bit colour resolution, 4 entries
  const palette = Buffer.from([...color, ...accent, 0, 0, 0, 255, 255, 255]);
  const netscape = Buffer.concat([
    Buffer.from([0x21, 0xff, 0x0b]),
    Buffer.from('NETSCAPE2.0', 'latin1'),
    Buffer.from([0x03, 0x01, 0x00, 0x00, 0x00]), // loop forever
  ]);
  const frames = [0, 1].map((swap) => {
    const indices = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const inSquare = x >= width / 4 && x < (3 * width) / 4 && y >= height / 4 && y < (3 * height) / 4;
        indices[y * width + x] = inSquare !== (swap === 1) ? 1 : 0;
      }
    }
    const control = Buffer.from([0x21, 0xf9, 0x04, 0x04, 50, 0, 0, 0]); // 0.5 s, do not dispose
    const descriptor = Buffer.alloc(10);
    descriptor[0] = 0x2c;
    descriptor.writeUInt16LE(width, 5);
    descriptor.writeUInt16LE(height, 7);
    return Buffer.concat([control, descriptor, Buffer.from([2]), subBlocks(lzwEncode(indices, 2))]);
  });
  return Buffer.concat([
    Buffer.from('GIF89a', 'latin1'),
    screen,
    palette,
    netscape,
    ...frames,
    Buffer.from([0x3b]),
  ]);
}

class BitWriter {
  private readonly bytes: number[] = [];
  private acc = 0;
  private count = 0;
  write(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | ((value >> i) & 1);
      if (++this.count === 8) {
        this.bytes.push(this.acc);
        if (this.acc === 0xff) this.bytes.push(0); // byte stuffing
        this.acc = 0;
        this.count = 0;
      }
    }
  }
  finish(): Buffer {
    while (this.count !== 0) this.write(1, 1);
    return Buffer.from(this.bytes);
  }
}

function segment(marker: number, payload: number[]): Buffer {
  const len = payload.length + 2;
  return Buffer.from([0xff, marker, len >> 8, len & 0xff, ...payload]);
}

/** A baseline (SOF0) JPEG of one colour: every 8×8 block holds only its DC coefficient. */
export function encodeJpeg(width: number, height: number, color: Rgb): Buffer {
  const [r, g, b] = color;
  const levels = [
    0.299 * r + 0.587 * g + 0.114 * b,
    -0.168736 * r - 0.331264 * g + 0.5 * b + 128,
    0.5 * r - 0.418688 * g - 0.081312 * b + 128,
  ];
  const dcs = levels.map((v) => Math.max(-1024, Math.min(1016, Math.round(8 * (v - 128)))));
  const bitsLength = (n: number): number => (n === 0 ? 0 : Math.floor(Math.log2(Math.abs(n))) + 1);
  const writer = new BitWriter();
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  for (let mcu = 0; mcu < blocks; mcu++) {
    for (const dc of dcs) {
      const diff = mcu === 0 ? dc : 0;
      const cat = bitsLength(diff);
      writer.write(cat, 4); // DC table: categories 0..11 all have 4-bit codes equal to the category
      if (cat > 0) writer.write(diff >= 0 ? diff : diff + (1 << cat) - 1, cat);
      writer.write(0, 1); // AC table: EOB is the single 1-bit code "0"
    }
  }
  const lengths = (at: number, count: number): number[] =>
    Array.from({ length: 16 }, (_, i) => (i === at ? count : 0));
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    segment(0xdb, [0, ...new Array<number>(64).fill(1)]),
    segment(0xc0, [
      8,
      height >> 8,
      height & 0xff,
      width >> 8,
      width & 0xff,
      3,
      1,
      0x11,
      0,
      2,
      0x11,
      0,
      3,
      0x11,
      0,
    ]),
    segment(0xc4, [0x00, ...lengths(3, 12), ...Array.from({ length: 12 }, (_, i) => i)]),
    segment(0xc4, [0x10, ...lengths(0, 1), 0x00]),
    segment(0xda, [3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0]),
    writer.finish(),
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** A few bytes that start like an MP4 (an `ftyp` box and an empty `mdat`); not playable. */
export function fakeMp4(): Buffer {
  const ftyp = Buffer.concat([
    Buffer.from([0, 0, 0, 0x1c]),
    Buffer.from('ftypisom\0\0\x02\0isomiso2mp41', 'latin1'),
  ]);
  return Buffer.concat([ftyp, Buffer.from([0, 0, 0, 8]), Buffer.from('mdat', 'latin1')]);
}

export function lighten([r, g, b]: Rgb): Rgb {
  return [r + (255 - r) / 2, g + (255 - g) / 2, b + (255 - b) / 2].map(Math.round) as unknown as Rgb;
}

export function hexToRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

/** A stable colour for any string (different items get different colours). */
export function colorFor(seed: string): Rgb {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  const hue = (h >>> 0) % 360;
  const s = 0.55;
  const l = 0.55;
  const k = (n: number): number => (n + hue / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number): number => Math.round(255 * (l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1))));
  return [f(0), f(8), f(4)];
}

export function rgbToHex([r, g, b]: Rgb): string {
  return `#${[r, g, b]
    .map((v) => v.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase()}`;
}
