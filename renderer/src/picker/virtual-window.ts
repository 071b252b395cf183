/** The geometry of a virtualized grid of square tiles: which rows are in the DOM, which are on screen. */
export interface GridWindow {
  columns: number;
  /** Height of one row, its gap included. */
  rowHeight: number;
  /** Height of the whole grid. */
  height: number;
  /** Tiles in the DOM: [start, end). */
  start: number;
  end: number;
  /** Tiles on screen (these may animate): [start, end). */
  visibleStart: number;
  visibleEnd: number;
  /** Whole rows on one screen. */
  pageRows: number;
  /** Where the first rendered row starts. */
  offset: number;
}

export interface GridGeometry {
  width: number;
  viewportHeight: number;
  scrollTop: number;
  count: number;
  minTile: number;
  gap: number;
  /** Rows rendered above and below the screen. */
  overscan: number;
}

export function gridWindow(geometry: GridGeometry): GridWindow {
  const { width, viewportHeight, scrollTop, count, minTile, gap, overscan } = geometry;
  const columns = Math.max(1, Math.floor((width + gap) / (minTile + gap)));
  const tile = (width - gap * (columns - 1)) / columns;
  const rowHeight = Math.max(1, tile + gap);
  const rows = Math.ceil(count / columns);
  const firstVisibleRow = Math.max(0, Math.floor(scrollTop / rowHeight));
  const lastVisibleRow = Math.min(rows, Math.ceil((scrollTop + viewportHeight) / rowHeight));
  const firstRow = Math.max(0, firstVisibleRow - overscan);
  const lastRow = Math.min(rows, lastVisibleRow + overscan);
  return {
    columns,
    rowHeight,
    height: Math.max(0, rows * rowHeight - gap),
    start: firstRow * columns,
    end: Math.min(count, lastRow * columns),
    visibleStart: firstVisibleRow * columns,
    visibleEnd: Math.min(count, lastVisibleRow * columns),
    pageRows: Math.max(1, Math.floor(viewportHeight / rowHeight)),
    offset: firstRow * rowHeight,
  };
}

/** The scrollTop that brings row `row` fully on screen, or null if it already is. */
export function scrollToRow(
  row: number,
  rowHeight: number,
  gap: number,
  scrollTop: number,
  viewportHeight: number,
): number | null {
  const top = row * rowHeight;
  const bottom = top + rowHeight - gap;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return null;
}
