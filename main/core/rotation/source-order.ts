import type { WallpaperSource } from '../settings/settings-schema';

/** A stable name for a source, for logs, errors and per-source state (`nekosia:catgirl+cute`). */
export function sourceLabel(source: WallpaperSource): string {
  switch (source.kind) {
    case 'nekosia':
      return source.tags.length === 0
        ? `nekosia:${source.category}`
        : `nekosia:${source.category}+${source.tags.join('+')}`;
    case 'nekos.best':
      return `nekos.best:${source.category}`;
    case 'favorites':
      return 'favorites';
  }
}

/**
 * The order in which to try the sources for one monitor: a weighted random draw without replacement, so the
 * first is chosen in proportion to its weight and the others follow as fallbacks. Sources with weight 0 are
 * never used. Sources for which `coolingDown` is true (they failed recently) go last, still as fallbacks.
 */
export function weightedSourceOrder(
  sources: readonly WallpaperSource[],
  random: () => number,
  coolingDown: (source: WallpaperSource) => boolean = () => false,
): WallpaperSource[] {
  const ready = sources.filter((source) => source.weight > 0 && !coolingDown(source));
  const resting = sources.filter((source) => source.weight > 0 && coolingDown(source));
  return [...drawAll(ready, random), ...drawAll(resting, random)];
}

function drawAll(sources: readonly WallpaperSource[], random: () => number): WallpaperSource[] {
  const left = [...sources];
  const order: WallpaperSource[] = [];
  while (left.length > 0) {
    const total = left.reduce((sum, source) => sum + source.weight, 0);
    let point = random() * total;
    let index = left.findIndex((source) => (point -= source.weight) < 0);
    if (index < 0) index = left.length - 1;
    order.push(...left.splice(index, 1));
  }
  return order;
}
