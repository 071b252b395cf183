/**
 * Finding the picture inside black letterbox (top/bottom) and pillarbox (left/right) bars, on a greyscale copy.
 *
 * A row (or column) belongs to a bar when nearly all of its pixels are near black: JPEG noise and ringing
 * leave bars a few levels above 0, so "near" is ≤ DARK_LEVEL and "nearly all" is ≥ BAR_FRACTION. Bars often
 * carry a burnt-in subtitle or a channel logo: a short run of non-bar lines followed by bar lines again is
 * still bar (at most MAX_GAP of the dimension). Dark edges thinner than MIN_BAR are left alone. The picture must keep at least MIN_KEEP of each dimension —
 * a fade to black with one line of text is not cropped down to the text — and a wholly dark image is left
 * whole.
 */

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Greyscale levels (0–255) at or below this count as black. */
export const DARK_LEVEL = 32;
/** The share of a line's pixels that must be dark for the line to be bar. */
export const BAR_FRACTION = 0.97;
/** The longest run of non-bar lines inside a bar (subtitles, a logo), as a share of the dimension. */
export const MAX_GAP = 0.12;
/** Thinner dark edges than this share of the dimension (an encode's dirty edge, an outline) are not bars. */
export const MIN_BAR = 0.01;
/** The picture keeps at least this share of each dimension, else that axis is not cropped. */
export const MIN_KEEP = 0.15;

/** Whether each of `count` lines is bar; `darkCount(i)` counts the dark pixels of line i of `length` pixels. */
function barLines(count: number, length: number, darkCount: (line: number) => number): boolean[] {
  const needed = Math.ceil(length * BAR_FRACTION);
  return Array.from({ length: count }, (_, line) => darkCount(line) >= needed);
}

/** How many lines from the start are bar, bridging short non-bar runs that bar lines follow. */
function barRun(isBar: (i: number) => boolean, count: number): number {
  const maxGap = Math.floor(count * MAX_GAP);
  let end = 0;
  let i = 0;
  while (i < count) {
    if (isBar(i)) {
      i++;
      end = i;
      continue;
    }
    // A gap: bridge it only when bar resumes within maxGap and then lasts at least half as long as the gap.
    let next = i;
    while (next < count && next - i <= maxGap && !isBar(next)) next++;
    if (next >= count || next - i > maxGap) break;
    let resume = next;
    while (resume < count && isBar(resume)) resume++;
    if (resume - next < Math.ceil((next - i) / 2)) break;
    i = resume;
    end = resume;
  }
  return end;
}

/** The start and length of the picture along one axis, or null to leave that axis whole. */
function keep(bars: boolean[]): { start: number; length: number } | null {
  const count = bars.length;
  const minBar = Math.max(2, Math.ceil(count * MIN_BAR));
  const leading = barRun((i) => bars[i] === true, count);
  if (leading >= count) return null; // every line is dark: not a letterboxed picture
  const trailing = barRun((i) => bars[count - 1 - i] === true, count);
  const start = leading >= minBar ? leading : 0;
  const end = count - (trailing >= minBar ? trailing : 0);
  const length = end - start;
  if (length === count || length < Math.max(1, Math.ceil(count * MIN_KEEP))) return null;
  return { start, length };
}

/**
 * The picture's box in a `width`×`height` greyscale image (one byte per pixel, row by row), or null when there
 * is nothing to crop.
 */
export function findPictureBox(grey: Uint8Array, width: number, height: number): Box | null {
  const dark = (index: number): number => ((grey[index] ?? 255) <= DARK_LEVEL ? 1 : 0);
  const rows = barLines(height, width, (y) => {
    let n = 0;
    for (let x = 0, at = y * width; x < width; x++, at++) n += dark(at);
    return n;
  });
  const vertical = keep(rows);
  // Columns are judged only over the rows kept, so a letterbox does not hide a pillarbox.
  const top = vertical?.start ?? 0;
  const kept = vertical?.length ?? height;
  const columns = barLines(width, kept, (x) => {
    let n = 0;
    for (let y = top, at = top * width + x; y < top + kept; y++, at += width) n += dark(at);
    return n;
  });
  const horizontal = keep(columns);
  if (vertical === null && horizontal === null) return null;
  return {
    left: horizontal?.start ?? 0,
    top,
    width: horizontal?.length ?? width,
    height: kept,
  };
}
