/** What every benchmark reports: figures measured side by side with their baseline, in one run. */
export interface Figure {
  name: string;
  value: number;
  /** The same measurement without the feature (or the ideal), when there is one. */
  baseline: number | null;
  /** Digits to print for value and baseline. */
  digits?: number;
  note: string;
  /** The run fails (exit code 1) when the value misses this. */
  target?: { atMost?: number; atLeast?: number };
}

export interface Benchmark {
  name: string;
  run(): Promise<Figure[]>;
}

export function targetMet(figure: Figure): boolean {
  const { target, value } = figure;
  if (!target) return true;
  if (target.atMost !== undefined && !(value <= target.atMost)) return false;
  if (target.atLeast !== undefined && !(value >= target.atLeast)) return false;
  return true;
}

export function ratioOf(figure: Figure): number | null {
  const { baseline, value } = figure;
  return baseline === null || baseline === 0 ? null : value / baseline;
}

function describeTarget(figure: Figure): string {
  const { target } = figure;
  if (!target) return '';
  const parts = [
    target.atMost === undefined ? undefined : `≤ ${target.atMost}`,
    target.atLeast === undefined ? undefined : `≥ ${target.atLeast}`,
  ].filter((part) => part !== undefined);
  return `target ${parts.join(' and ')}: ${targetMet(figure) ? 'met' : 'MISSED'}`;
}

export interface Row {
  name: string;
  value: string;
  baseline: string;
  ratio: string;
  note: string;
}

export function toRow(figure: Figure): Row {
  const digits = figure.digits ?? 0;
  const ratio = ratioOf(figure);
  return {
    name: figure.name,
    value: figure.value.toFixed(digits),
    baseline: figure.baseline === null ? '—' : figure.baseline.toFixed(digits),
    ratio: ratio === null ? '—' : ratio.toFixed(3),
    note: [describeTarget(figure), figure.note].filter(Boolean).join('; '),
  };
}

const COLUMNS: (keyof Row)[] = ['name', 'value', 'baseline', 'ratio', 'note'];

/** A Markdown table, padded so it also reads well in a terminal. */
export function markdownTable(rows: Row[]): string {
  const widths = COLUMNS.map((column) => Math.max(column.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]): string =>
    `| ${cells.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join(' | ')} |`;
  return [
    line(COLUMNS),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map((row) => line(COLUMNS.map((column) => row[column]))),
  ].join('\n');
}
