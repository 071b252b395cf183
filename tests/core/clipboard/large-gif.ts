import { randomBytes } from 'node:crypto';
import sharp from 'sharp';

/**
 * A real animated GIF of several MB, made with sharp: frames of grey noise, which LZW cannot shrink, so
 * it is far larger than one X request and goes by INCR. About 0.7 s to make.
 */
export async function largeAnimatedGif(width = 640, height = 480, frames = 10): Promise<Buffer> {
  const raw = randomBytes(width * height * frames);
  return sharp(raw, { raw: { width, height: height * frames, channels: 1, pageHeight: height } })
    .gif({ effort: 1, dither: 0 })
    .toBuffer();
}
