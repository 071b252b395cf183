/** Where a key moves the active tile of a grid of `count` tiles in `columns` columns; null if the key is not a move. */
export function moveIndex(
  key: string,
  index: number,
  count: number,
  columns: number,
  /** Rows on one screen, for PageUp/PageDown. */
  pageRows: number,
): number | null {
  if (count === 0) return null;
  const last = count - 1;
  const clamp = (value: number): number => Math.min(last, Math.max(0, value));
  switch (key) {
    case 'ArrowRight':
      return clamp(index + 1);
    case 'ArrowLeft':
      return clamp(index - 1);
    case 'ArrowDown':
      return index + columns <= last ? index + columns : index;
    case 'ArrowUp':
      return index - columns >= 0 ? index - columns : index;
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return clamp(index + columns * Math.max(1, pageRows));
    case 'PageUp':
      return clamp(index - columns * Math.max(1, pageRows));
    default:
      return null;
  }
}
