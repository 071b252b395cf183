import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { expect } from 'vitest';

export type Colour = readonly [number, number, number];

export const RED: Colour = [255, 0, 0];
export const GREEN: Colour = [0, 255, 0];
export const BLUE: Colour = [0, 0, 255];
export const BLACK: Colour = [0, 0, 0];

/** A solid image, written as a lossless PNG. */
export async function solidImage(
  dir: string,
  name: string,
  width: number,
  height: number,
  colour: Colour,
): Promise<string> {
  const file = path.join(dir, name);
  const [r, g, b] = colour;
  await sharp({ create: { width, height, channels: 3, background: { r, g, b } } })
    .png()
    .toFile(file);
  return file;
}

/** An image in horizontal bands of equal height, top to bottom (e.g. red, green, blue). */
export async function bandedImage(
  dir: string,
  name: string,
  width: number,
  height: number,
  colours: readonly Colour[],
): Promise<string> {
  const file = path.join(dir, name);
  const band = Math.ceil(height / colours.length);
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    const [r, g, b] = colours[Math.min(colours.length - 1, Math.floor(y / band))]!;
    for (let x = 0; x < width; x += 1) data.set([r, g, b], (y * width + x) * 3);
  }
  await sharp(data, { raw: { width, height, channels: 3 } })
    .png()
    .toFile(file);
  return file;
}

export async function writeBytes(dir: string, name: string, bytes: Buffer | string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  return file;
}

/** A decoded image to sample pixels from. */
export interface Pixels {
  width: number;
  height: number;
  at(x: number, y: number): Colour;
}

export async function readPixels(file: string): Promise<Pixels> {
  const { data, info } = await sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    height: info.height,
    at(x, y) {
      if (x < 0 || y < 0 || x >= info.width || y >= info.height) throw new Error(`(${x}, ${y}) is outside`);
      const offset = (y * info.width + x) * info.channels;
      return [data[offset]!, data[offset + 1]!, data[offset + 2]!];
    },
  };
}

/** JPEG blurs colours a little: each channel within `tolerance`. */
export function expectColour(actual: Colour, expected: Colour, tolerance = 24): void {
  const close = actual.every((value, index) => Math.abs(value - expected[index]!) <= tolerance);
  expect(close, `expected ~rgb(${expected.join(',')}), got rgb(${actual.join(',')})`).toBe(true);
}

export function isBlueish([r, g, b]: Colour): boolean {
  return b > 128 && r < 100 && g < 100;
}
