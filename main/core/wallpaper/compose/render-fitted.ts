import sharp, { type Sharp } from 'sharp';
import type { ConcreteFitMode } from '../types';
import { dominantColour, parseHexColour, type Rgb } from './background-colour';
import { centerBox, containBox, fillCrop, type Box, type Size } from './fit-geometry';
import { artworkPipeline, type ArtworkFile } from './read-artwork';
import { blit, rawInfo, toRgb, type RgbImage } from './rgb-image';

const BLACK: Rgb = { r: 0, g: 0, b: 0 };

/** The blurred background is drawn at 1/8 size and scaled up: the same look as a huge blur, a fraction of the work. */
const BLUR_DOWNSCALE = 8;
const BLUR_SIGMA = 6;
/** Dims the blurred copy so the artwork in front of it stands out. */
const BLUR_BRIGHTNESS = 0.55;

export interface RenderOptions {
  fit: ConcreteFitMode;
  /** The artwork's main colour (Nekosia's `colors.main`) for `fit-color`; computed when absent or unreadable. */
  mainColor?: string | null | undefined;
}

/** The artwork fitted to one monitor. */
export async function renderFitted(
  artwork: ArtworkFile,
  target: Size,
  options: RenderOptions,
): Promise<RgbImage> {
  switch (options.fit) {
    case 'fill': {
      const crop = fillCrop(artwork, target);
      return toRgb(
        artworkPipeline(artwork.file)
          .extract(crop)
          .resize(target.width, target.height, { fit: 'fill' })
          .flatten({ background: BLACK }),
      );
    }
    case 'fit-blur':
      return renderOverBlur(artwork, target);
    case 'fit-color': {
      const colour = parseHexColour(options.mainColor) ?? (await dominantColour(artwork.file));
      return renderOverColour(artwork, containBox(artwork, target), target, colour);
    }
    case 'center':
      return renderOverColour(artwork, centerBox(artwork, target), target, BLACK);
  }
}

/** A pipeline scaling the artwork to `box`'s size, transparency flattened onto `background`. */
function scaledInto(artwork: ArtworkFile, box: Box, background: Rgb): Sharp {
  return artworkPipeline(artwork.file).resize(box.width, box.height, { fit: 'fill' }).flatten({ background });
}

async function renderOverColour(
  artwork: ArtworkFile,
  box: Box,
  target: Size,
  colour: Rgb,
): Promise<RgbImage> {
  return toRgb(
    scaledInto(artwork, box, colour).extend({
      left: box.left,
      top: box.top,
      right: target.width - box.width - box.left,
      bottom: target.height - box.height - box.top,
      background: colour,
    }),
  );
}

async function renderOverBlur(artwork: ArtworkFile, target: Size): Promise<RgbImage> {
  const box = containBox(artwork, target);
  const [background, front] = await Promise.all([
    blurredBackground(artwork, target),
    toRgb(scaledInto(artwork, box, BLACK)),
  ]);
  blit(background, front, box.left, box.top);
  return background;
}

/** The artwork covering the monitor, heavily blurred and dimmed. */
async function blurredBackground(artwork: ArtworkFile, target: Size): Promise<RgbImage> {
  const small = await toRgb(
    artworkPipeline(artwork.file)
      .resize(Math.ceil(target.width / BLUR_DOWNSCALE), Math.ceil(target.height / BLUR_DOWNSCALE), {
        fit: 'cover',
      })
      .flatten({ background: BLACK })
      .blur(BLUR_SIGMA)
      .modulate({ brightness: BLUR_BRIGHTNESS }),
  );
  // Blocky nearest-neighbour enlargement, then a light blur to melt the blocks: a fraction of the cost of
  // a smooth enlargement to 4K, and indistinguishable on a background that is a blur anyway.
  return toRgb(
    sharp(small.data, { raw: rawInfo(small) })
      .resize(target.width, target.height, { fit: 'fill', kernel: 'nearest' })
      .blur(BLUR_DOWNSCALE / 2),
  );
}
