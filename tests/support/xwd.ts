/**
 * What is on an X screen: `xwd -root -silent` read back and its XWD image decoded (TrueColor ZPixmap,
 * 24 or 32 bits per pixel — what Xvfb's 24-bit screens give).
 */
import { execFile } from 'node:child_process';

export interface Screenshot {
  width: number;
  height: number;
  /** The pixel at (x, y) as [red, green, blue], 0–255. */
  pixel(x: number, y: number): [number, number, number];
}

/** Reads the root window of `display` (":N"). */
export function captureRoot(display: string): Promise<Screenshot> {
  return new Promise((resolve, reject) => {
    execFile(
      'xwd',
      ['-root', '-silent', '-display', display],
      { encoding: 'buffer', maxBuffer: 256 * 1024 * 1024, timeout: 15_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`xwd failed: ${stderr.toString('utf8').trim() || error.message}`));
        else {
          try {
            resolve(parseXwd(stdout));
          } catch (parseError) {
            reject(parseError instanceof Error ? parseError : new Error(String(parseError)));
          }
        }
      },
    );
  });
}

const HEADER_FIELDS = [
  'headerSize',
  'fileVersion',
  'pixmapFormat',
  'pixmapDepth',
  'pixmapWidth',
  'pixmapHeight',
  'xOffset',
  'byteOrder',
  'bitmapUnit',
  'bitmapBitOrder',
  'bitmapPad',
  'bitsPerPixel',
  'bytesPerLine',
  'visualClass',
  'redMask',
  'greenMask',
  'blueMask',
  'bitsPerRgb',
  'colormapEntries',
  'ncolors',
  'windowWidth',
  'windowHeight',
  'windowX',
  'windowY',
  'windowBorderWidth',
] as const;

export type XwdHeader = Record<(typeof HEADER_FIELDS)[number], number>;

const XWD_FILE_VERSION = 7;
const Z_PIXMAP = 2;
const TRUE_COLOR = 4;
const DIRECT_COLOR = 5;
const LSB_FIRST = 0;
/** Each XWDColor: pixel (4), red, green, blue (2 each), flags, pad. */
const COLOR_ENTRY_SIZE = 12;

/** The header: 25 big-endian CARD32 (xwd writes it in network order whatever the machine). */
export function parseXwdHeader(data: Buffer): XwdHeader {
  if (data.length < HEADER_FIELDS.length * 4) throw new Error('XWD: shorter than its header');
  const header = {} as XwdHeader;
  HEADER_FIELDS.forEach((field, index) => (header[field] = data.readUInt32BE(index * 4)));
  if (header.fileVersion !== XWD_FILE_VERSION)
    throw new Error(`XWD: file version ${header.fileVersion}, not 7`);
  return header;
}

export function parseXwd(data: Buffer): Screenshot {
  const header = parseXwdHeader(data);
  if (header.pixmapFormat !== Z_PIXMAP)
    throw new Error(`XWD: pixmap format ${header.pixmapFormat}, not ZPixmap`);
  if (header.visualClass !== TRUE_COLOR && header.visualClass !== DIRECT_COLOR) {
    throw new Error(`XWD: visual class ${header.visualClass} (only TrueColor/DirectColor are decoded)`);
  }
  const bytesPerPixel = header.bitsPerPixel / 8;
  if (bytesPerPixel !== 3 && bytesPerPixel !== 4)
    throw new Error(`XWD: ${header.bitsPerPixel} bits per pixel`);

  const imageStart = header.headerSize + header.ncolors * COLOR_ENTRY_SIZE;
  const { pixmapWidth: width, pixmapHeight: height, bytesPerLine } = header;
  if (data.length < imageStart + bytesPerLine * height) throw new Error('XWD: image data is truncated');

  const littleEndian = header.byteOrder === LSB_FIRST;
  const channels = [header.redMask, header.greenMask, header.blueMask].map(channel);

  return {
    width,
    height,
    pixel(x, y) {
      if (x < 0 || y < 0 || x >= width || y >= height)
        throw new RangeError(`(${x}, ${y}) is outside ${width}x${height}`);
      const offset = imageStart + y * bytesPerLine + x * bytesPerPixel;
      let value = 0;
      for (let byte = 0; byte < bytesPerPixel; byte++) {
        const shift = littleEndian ? byte : bytesPerPixel - 1 - byte;
        value += (data[offset + byte] ?? 0) * 2 ** (8 * shift);
      }
      const [red, green, blue] = channels.map((read) => read(value));
      return [red ?? 0, green ?? 0, blue ?? 0];
    },
  };
}

/** Reads one colour channel out of a pixel value by its mask, scaled to 0–255. */
function channel(mask: number): (value: number) => number {
  if (mask === 0) return () => 0;
  let shift = 0;
  while (((mask >>> shift) & 1) === 0) shift++;
  const max = mask >>> shift;
  return (value) => Math.round((((value >>> 0) & mask) >>> shift) * (255 / max));
}
