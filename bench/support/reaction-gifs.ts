import sharp from 'sharp';

/** The size of nekos.best's reaction GIFs: 480x270, tens of frames, one to three megabytes. */
export const REACTION_GIF = { width: 480, height: 270, frames: 30, delayMs: 60 } as const;

/**
 * A GIF as heavy to decode as a real reaction (the fakes' 2-frame single-colour GIFs decode in no time): a
 * moving disc over shifting stripes with per-pixel noise, so LZW cannot squeeze it. Encoded by sharp with one
 * shared palette (per-frame palettes make no difference to decoding and take seconds longer to encode).
 */
export async function makeReactionGif(seed: number): Promise<Buffer> {
  const { width, height, frames, delayMs } = REACTION_GIF;
  const raw = Buffer.alloc(width * height * 4 * frames);
  let noise = Math.imul(seed + 1, 2654435761) >>> 0;
  for (let frame = 0; frame < frames; frame++) {
    const turn = (frame / frames) * 2 * Math.PI;
    const cx = width / 2 + Math.cos(turn + seed) * 120;
    const cy = height / 2 + Math.sin(turn) * 60;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        noise = (Math.imul(noise, 1664525) + 1013904223) >>> 0;
        const grain = noise >>> 27;
        const i = ((frame * height + y) * width + x) * 4;
        const inDisc = (x - cx) ** 2 + (y - cy) ** 2 < 3600;
        raw[i] = (x + frame * 7 + seed * 40 + grain) & 255;
        raw[i + 1] = inDisc ? 230 : (y + grain) & 255;
        raw[i + 2] = ((x ^ y) + frame * 5 + grain) & 255;
        raw[i + 3] = 255;
      }
    }
  }
  return sharp(raw, { raw: { width, height: height * frames, channels: 4, pageHeight: height } })
    .gif({ delay: delayMs, loop: 0, effort: 1, dither: 0, reuse: true, interPaletteMaxError: 256 })
    .toBuffer();
}
