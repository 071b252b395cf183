/**
 * The capture overlay's rectangle, as pure functions. The page works in CSS pixels of the overlay (which
 * covers the display exactly); main crops in the screenshot's own pixels (CSS pixels × the display's
 * scale factor), so `toImageRegion` converts at the end. Every rectangle stays inside the screen.
 */

export interface Point {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Rect extends Point, Size {}

/** A press that moves less than this (CSS px) is a click, not a selection. */
export const MIN_DRAG = 4;
/** Arrow keys move or resize by 1 px; with Ctrl (or Cmd) by this much. */
export const BIG_STEP = 10;

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

/** The rectangle between two corners (dragged in any direction), cut to the screen. */
export function rectFromPoints(a: Point, b: Point, screen: Size): Rect {
  const left = clamp(Math.min(a.x, b.x), 0, screen.width);
  const top = clamp(Math.min(a.y, b.y), 0, screen.height);
  const right = clamp(Math.max(a.x, b.x), 0, screen.width);
  const bottom = clamp(Math.max(a.y, b.y), 0, screen.height);
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** True when a press from `a` to `b` is a drag rather than a click. */
export function isDrag(a: Point, b: Point): boolean {
  return Math.abs(b.x - a.x) >= MIN_DRAG || Math.abs(b.y - a.y) >= MIN_DRAG;
}

/** True when `point` is on or inside `rect`. */
export function contains(rect: Rect, point: Point): boolean {
  return (
    point.x >= rect.x &&
    point.x <= rect.x + rect.width &&
    point.y >= rect.y &&
    point.y <= rect.y + rect.height
  );
}

/** Moves the rectangle, stopping at the screen's edges. */
export function moveRect(rect: Rect, dx: number, dy: number, screen: Size): Rect {
  return {
    ...rect,
    x: clamp(rect.x + dx, 0, screen.width - rect.width),
    y: clamp(rect.y + dy, 0, screen.height - rect.height),
  };
}

/** Grows or shrinks the rectangle from its bottom-right corner: at least 1 px, never past the screen. */
export function resizeRect(rect: Rect, dw: number, dh: number, screen: Size): Rect {
  return {
    ...rect,
    width: clamp(rect.width + dw, 1, screen.width - rect.x),
    height: clamp(rect.height + dh, 1, screen.height - rect.y),
  };
}

/** Where the keyboard starts when nothing is selected: the middle half of the screen. */
export function centeredRect(screen: Size): Rect {
  const width = Math.round(screen.width / 2);
  const height = Math.round(screen.height / 2);
  return {
    x: Math.round((screen.width - width) / 2),
    y: Math.round((screen.height - height) / 2),
    width,
    height,
  };
}

/** The whole screen (Enter with nothing selected). */
export function wholeScreen(screen: Size): Rect {
  return { x: 0, y: 0, width: screen.width, height: screen.height };
}

/**
 * The rectangle in the screenshot's pixels: edges scaled and rounded (so adjacent selections share
 * edges), inside the image, at least one pixel.
 */
export function toImageRegion(rect: Rect, screen: Size, image: Size): Rect {
  const sx = screen.width > 0 ? image.width / screen.width : 1;
  const sy = screen.height > 0 ? image.height / screen.height : 1;
  const left = clamp(Math.round(rect.x * sx), 0, image.width - 1);
  const top = clamp(Math.round(rect.y * sy), 0, image.height - 1);
  const right = clamp(Math.round((rect.x + rect.width) * sx), left + 1, image.width);
  const bottom = clamp(Math.round((rect.y + rect.height) * sy), top + 1, image.height);
  return { x: left, y: top, width: right - left, height: bottom - top };
}
