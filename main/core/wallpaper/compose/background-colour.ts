import sharp from 'sharp';
import { artworkPipeline } from './read-artwork';

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

const HEX_COLOUR = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** `#aabbcc` or `#abc` (Nekosia's `colors.main`) as RGB; null for anything else. */
export function parseHexColour(text: string | null | undefined): Rgb | null {
  const match = HEX_COLOUR.exec(text?.trim() ?? '');
  const digits = match?.[1];
  if (digits === undefined) return null;
  const full = digits.length === 3 ? digits.replace(/./g, '$&$&') : digits;
  const value = Number.parseInt(full, 16);
  return { r: (value >> 16) & 0xff, g: (value >> 8) & 0xff, b: value & 0xff };
}

/** The artwork's dominant colour (sharp's 4096-bin histogram), measured on a small copy. */
export async function dominantColour(file: string): Promise<Rgb> {
  const { data, info } = await artworkPipeline(file)
    .resize(256, 256, { fit: 'inside' })
    .flatten({ background: '#000000' })
    .toColorspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { dominant } = await sharp(data, {
    raw: { width: info.width, height: info.height, channels: info.channels },
  }).stats();
  return dominant;
}
