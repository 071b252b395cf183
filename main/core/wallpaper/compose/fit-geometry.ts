/** Where an artwork goes on a monitor: pure arithmetic, so the fit modes can be tested without images. */

export interface Size {
  width: number;
  height: number;
}

export interface Box extends Size {
  left: number;
  top: number;
}

/**
 * Where the crop window of the vertical overflow sits for `fill`: a third of the way down, not the middle,
 * so a portrait artwork loses mostly its bottom and keeps the faces near its top.
 */
export const FILL_VERTICAL_BIAS = 1 / 3;

/**
 * The part of the artwork (in its own pixels) that `fill` keeps: the largest window with the monitor's
 * aspect ratio, centred horizontally and a third of the way down vertically.
 */
export function fillCrop(image: Size, target: Size): Box {
  const targetRatio = target.width / target.height;
  const imageRatio = image.width / image.height;
  if (imageRatio > targetRatio) {
    // Wider than the monitor: keep the full height, crop the sides evenly.
    const width = Math.min(image.width, Math.max(1, Math.round(image.height * targetRatio)));
    return { left: Math.floor((image.width - width) / 2), top: 0, width, height: image.height };
  }
  const height = Math.min(image.height, Math.max(1, Math.round(image.width / targetRatio)));
  return {
    left: 0,
    top: Math.round((image.height - height) * FILL_VERTICAL_BIAS),
    width: image.width,
    height,
  };
}

/** The whole artwork scaled to fit inside the monitor, centred. */
export function containBox(image: Size, target: Size): Box {
  const scale = Math.min(target.width / image.width, target.height / image.height);
  const width = Math.min(target.width, Math.max(1, Math.round(image.width * scale)));
  const height = Math.min(target.height, Math.max(1, Math.round(image.height * scale)));
  return centred({ width, height }, target);
}

/** The artwork at its own size when it fits, else contained; centred either way. */
export function centerBox(image: Size, target: Size): Box {
  if (image.width <= target.width && image.height <= target.height) return centred(image, target);
  return containBox(image, target);
}

function centred(size: Size, target: Size): Box {
  return {
    left: Math.floor((target.width - size.width) / 2),
    top: Math.floor((target.height - size.height) / 2),
    width: size.width,
    height: size.height,
  };
}
