import type { CategoryInfo } from './api';

export interface CategoryGroups {
  images: CategoryInfo[];
  gifs: CategoryInfo[];
}

/** nekos.best serves each category as still images (png) or animated GIFs; the UI lists them apart. */
export function groupCategories(categories: readonly CategoryInfo[]): CategoryGroups {
  const byName = (a: CategoryInfo, b: CategoryInfo) => a.name.localeCompare(b.name);
  return {
    images: categories.filter((category) => category.format === 'png').sort(byName),
    gifs: categories.filter((category) => category.format === 'gif').sort(byName),
  };
}

/** "handshake" → "Handshake"; category names are lower-case words. */
export function categoryLabel(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** A stable hue per category, so each one keeps its colour between runs. */
export function categoryHue(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % 360;
}
