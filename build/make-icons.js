// Draws Nekodesk's icons (a cat head, our own art) and writes them as PNGs: `node build/make-icons.js`.
// No image library: shapes are sampled 4×4 per pixel for smooth edges and encoded with node:zlib.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SAMPLES = 4;

/** True when (x, y), in 0..1 coordinates, is inside the cat's head or ears. */
function inHead(x, y) {
  const head = ((x - 0.5) / 0.4) ** 2 + ((y - 0.6) / 0.32) ** 2 <= 1;
  return (
    head ||
    inTriangle(x, y, [0.12, 0.5], [0.2, 0.1], [0.46, 0.34]) ||
    inTriangle(x, y, [0.88, 0.5], [0.8, 0.1], [0.54, 0.34])
  );
}

function inEye(x, y) {
  return [0.35, 0.65].some((cx) => ((x - cx) / 0.055) ** 2 + ((y - 0.6) / 0.075) ** 2 <= 1);
}

function inTriangle(x, y, a, b, c) {
  const side = (p, q) => (x - q[0]) * (p[1] - q[1]) - (p[0] - q[0]) * (y - q[1]);
  const d1 = side(a, b);
  const d2 = side(b, c);
  const d3 = side(c, a);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

function inRoundedSquare(x, y, radius) {
  const dx = Math.max(radius - x, x - (1 - radius), 0);
  const dy = Math.max(radius - y, y - (1 - radius), 0);
  return dx * dx + dy * dy <= radius * radius;
}

/** `paint(x, y)` returns [r, g, b, a] (0..255) for a point; the result is averaged over the samples. */
function render(size, paint) {
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const [r, g, b, a] = paint((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          sum[0] += r * a;
          sum[1] += g * a;
          sum[2] += b * a;
          sum[3] += a;
        }
      }
      const offset = (py * size + px) * 4;
      const alpha = sum[3] / SAMPLES ** 2;
      for (let channel = 0; channel < 3; channel++) {
        pixels[offset + channel] = sum[3] === 0 ? 0 : Math.round(sum[channel] / sum[3]);
      }
      pixels[offset + 3] = Math.round(alpha);
    }
  }
  return encodePng(size, pixels);
}

const CLEAR = [0, 0, 0, 0];

/** The app icon: a white cat on a violet-to-pink rounded square. */
const appIcon = (x, y) => {
  if (!inRoundedSquare(x, y, 0.22)) return CLEAR;
  if (inHead(x, y)) return inEye(x, y) ? [49, 27, 84, 255] : [255, 255, 255, 255];
  const t = (x + y) / 2;
  return [
    Math.round(139 + (236 - 139) * t),
    Math.round(92 + (72 - 92) * t),
    Math.round(246 + (153 - 246) * t),
    255,
  ];
};

/** Windows and Linux trays: a pink cat that reads on light and dark panels; the eyes are see-through. */
const trayIcon = (x, y) => (inHead(x, y) && !inEye(x, y) ? [236, 72, 153, 255] : CLEAR);

/** macOS: a template image (black + alpha) that the menu bar tints itself. */
const trayTemplate = (x, y) => (inHead(x, y) && !inEye(x, y) ? [0, 0, 0, 255] : CLEAR);

const outputs = [
  ['build/icon.png', 512, appIcon],
  ['resources/icon.png', 256, appIcon],
  ['resources/tray.png', 32, trayIcon],
  ['resources/tray@2x.png', 64, trayIcon],
  ['resources/trayTemplate.png', 16, trayTemplate],
  ['resources/trayTemplate@2x.png', 32, trayTemplate],
];
for (const [file, size, paint] of outputs) {
  writeFileSync(new URL(`../${file}`, import.meta.url), render(size, paint));
  console.log(`wrote ${file} (${size}×${size})`);
}

function encodePng(size, rgba) {
  const rows = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
