import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { NekodeskError, isNekodeskError } from '../../errors';
import { virtualDesktop } from '../monitors/virtual-desktop';
import type { ComposedWallpaper, FitMode, Monitor } from '../types';
import { resolveFitMode } from './fit-mode';
import { outputStem, safeNamePart, writeJpegAtomically } from './output-files';
import { openArtwork, unreadableImage } from './read-artwork';
import { renderFitted } from './render-fitted';
import { blankRgb, blit, rawInfo, type RgbImage } from './rgb-image';

/** One monitor's artwork: a local image file and how to fit it. */
export interface WallpaperImage {
  file: string;
  fit: FitMode;
  /** Nekosia's `colors.main` (`#rrggbb`), used by `fit-color`; computed from the image when absent. */
  mainColor?: string | null;
}

export interface ComposeWallpaperOptions {
  monitors: readonly Monitor[];
  /** One per monitor, in the same order. */
  images: readonly WallpaperImage[];
  /** Where the JPEGs are written (created if missing). */
  outDir: string;
  /** Milliseconds since the epoch, for the file names; defaults to the current time. */
  now?: number;
}

/** JPEG cannot be larger than this on either side. */
const MAX_JPEG_SIDE = 65_535;
/** Four 8K monitors; the span is held decoded (3 bytes a pixel), so a wild layout must not ask for gigabytes. */
const MAX_SPAN_PIXELS = 4 * 7680 * 4320;

/**
 * Fits each artwork to its monitor and writes one JPEG covering the whole virtual desktop (its origin is the
 * layout's top-left corner; areas no monitor covers are black) plus one JPEG per monitor.
 */
export async function composeWallpaper(options: ComposeWallpaperOptions): Promise<ComposedWallpaper> {
  const { monitors, images, outDir } = options;
  if (images.length !== monitors.length) {
    throw new NekodeskError(
      'invalid_input',
      `Composing a wallpaper needs one image per monitor: got ${images.length} for ${monitors.length}.`,
    );
  }
  const desktop = virtualDesktop(monitors);
  if (
    desktop.width > MAX_JPEG_SIDE ||
    desktop.height > MAX_JPEG_SIDE ||
    desktop.width * desktop.height > MAX_SPAN_PIXELS
  ) {
    throw new NekodeskError(
      'invalid_input',
      `The monitor layout is ${desktop.width}x${desktop.height} pixels, larger than one image can be.`,
    );
  }

  const rendered = await Promise.all(
    monitors.map((monitor, index) => renderForMonitor(monitor, images[index])),
  );

  await mkdir(outDir, { recursive: true });
  const stem = outputStem(options.now ?? Date.now());
  const spanFile = path.join(outDir, `${stem}-span.jpg`);
  const span = blankRgb(desktop);
  const placed = monitors.map((monitor, index) => {
    const image = rendered[index];
    if (!image) throw new Error('Rendered images out of step with monitors.');
    blit(span, image, monitor.x - desktop.x, monitor.y - desktop.y);
    const file = path.join(outDir, `${stem}-${index + 1}-${safeNamePart(monitor.id)}.jpg`);
    return { monitor, image, file };
  });
  // The span and the per-monitor files are independent encodes: write them together.
  await Promise.all(
    [{ image: span, file: spanFile }, ...placed].map(({ image, file }) =>
      writeJpegAtomically(sharp(image.data, { raw: rawInfo(image) }), file),
    ),
  );

  const perMonitor = placed.map(({ monitor, file }) => ({ monitor, file }));
  return { spanFile, width: desktop.width, height: desktop.height, perMonitor };
}

async function renderForMonitor(monitor: Monitor, image: WallpaperImage | undefined): Promise<RgbImage> {
  if (!image) throw new Error(`No image for monitor ${monitor.id}.`);
  const artwork = await openArtwork(image.file);
  const fit = resolveFitMode(image.fit, artwork.width, artwork.height, monitor.width, monitor.height);
  try {
    return await renderFitted(artwork, monitor, { fit, mainColor: image.mainColor });
  } catch (error) {
    // The header was fine, so a failure here is the pixel data: truncated or corrupt.
    throw isNekodeskError(error) ? error : unreadableImage(image.file, error);
  }
}
