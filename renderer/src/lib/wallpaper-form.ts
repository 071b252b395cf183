import type { Settings, SettingsPatch } from './api';

export type WallpaperSettings = Settings['wallpaper'];
export type SourceKind = WallpaperSettings['sources'][number]['kind'];
export type FitMode = WallpaperSettings['fitMode'];
export type Rating = WallpaperSettings['rating'];

/** What the Now showing buttons do. */
export type WallpaperAction = 'next' | 'previous' | 'favorite' | 'ban' | 'pause';

/** One source row as the form holds it: numbers as typed, so a half-typed value is not lost. */
export interface SourceRow {
  /** Stable across edits, for keyed lists. */
  id: number;
  kind: SourceKind;
  category: string;
  tags: string[];
  /** As typed: a number input bound in Svelte gives a number, or '' when empty. */
  weight: string | number;
}

export interface WallpaperForm {
  sources: SourceRow[];
  blacklist: string[];
  rating: Rating;
  intervalMinutes: string | number;
  fitMode: FitMode;
}

function text(value: string | number): string {
  return String(value).trim();
}

/** Errors by field: `intervalMinutes`, `sources`, `sources.2.weight`, … */
export type WallpaperErrors = Record<string, string>;

export const MAX_INTERVAL_MINUTES = 24 * 60;
export const MAX_TAGS = 20;
export const MAX_BLACKLIST = 100;
export const MAX_SOURCES = 32;
export const MAX_TAG_LENGTH = 64;

export const FIT_MODE_LABELS: Record<FitMode, string> = {
  auto: 'Automatic',
  fill: 'Fill (crop)',
  'fit-blur': 'Fit over a blurred copy',
  'fit-color': 'Fit on its main colour',
  center: 'Centre',
};

export const SOURCE_LABELS: Record<SourceKind, string> = {
  nekosia: 'Nekosia',
  'nekos.best': 'nekos.best',
  favorites: 'Your favorites',
};

let nextRowId = 1;

export function newSource(kind: SourceKind): SourceRow {
  const category = kind === 'nekosia' ? 'catgirl' : kind === 'nekos.best' ? 'neko' : '';
  return { id: nextRowId++, kind, category, tags: [], weight: '1' };
}

export function toWallpaperForm(settings: WallpaperSettings): WallpaperForm {
  return {
    sources: settings.sources.map((source) => ({
      id: nextRowId++,
      kind: source.kind,
      category: 'category' in source ? source.category : '',
      tags: source.kind === 'nekosia' ? [...source.tags] : [],
      weight: String(source.weight),
    })),
    blacklist: [...settings.blacklist],
    rating: settings.rating,
    intervalMinutes: String(settings.intervalMinutes),
    fitMode: settings.fitMode,
  };
}

/** Inline checks before anything is sent; main validates again and has the last word. */
export function validateWallpaperForm(form: WallpaperForm): WallpaperErrors {
  const errors: WallpaperErrors = {};
  const interval = Number(text(form.intervalMinutes));
  if (text(form.intervalMinutes) === '' || !Number.isInteger(interval)) {
    errors.intervalMinutes = 'Enter a whole number of minutes.';
  } else if (interval < 1 || interval > MAX_INTERVAL_MINUTES) {
    errors.intervalMinutes = 'Choose between 1 minute and 24 hours (1440 minutes).';
  }
  if (form.sources.length === 0) errors.sources = 'Add at least one source.';
  else if (form.sources.length > MAX_SOURCES) errors.sources = `At most ${MAX_SOURCES} sources.`;
  form.sources.forEach((source, index) => {
    const weight = Number(text(source.weight));
    if (text(source.weight) === '' || !Number.isFinite(weight) || weight < 0 || weight > 100) {
      errors[`sources.${index}.weight`] = 'Weight from 0 to 100.';
    }
    if (source.kind !== 'favorites') {
      const category = source.category.trim();
      if (category === '') errors[`sources.${index}.category`] = 'Choose a category.';
      else if (category.length > MAX_TAG_LENGTH) errors[`sources.${index}.category`] = 'Too long.';
    }
    if (source.tags.length > MAX_TAGS) errors[`sources.${index}.tags`] = `At most ${MAX_TAGS} tags.`;
  });
  if (
    errors.sources === undefined &&
    form.sources.length > 0 &&
    form.sources.every((source) => Number(source.weight) === 0)
  ) {
    errors.sources = 'At least one source needs a weight above 0.';
  }
  if (form.blacklist.length > MAX_BLACKLIST) errors.blacklist = `At most ${MAX_BLACKLIST} tags.`;
  return errors;
}

type WallpaperPatch = NonNullable<SettingsPatch['wallpaper']>;

/** The form as settings (call only once it validates). */
export function formSettings(
  form: WallpaperForm,
): Required<Pick<WallpaperPatch, 'sources' | 'blacklist' | 'rating' | 'intervalMinutes' | 'fitMode'>> {
  return {
    sources: form.sources.map((row) => {
      const weight = Number(row.weight);
      if (row.kind === 'favorites') return { kind: 'favorites', weight };
      if (row.kind === 'nekos.best') return { kind: 'nekos.best', category: row.category.trim(), weight };
      return { kind: 'nekosia', category: row.category.trim(), tags: [...row.tags], weight };
    }),
    blacklist: [...form.blacklist],
    rating: form.rating,
    intervalMinutes: Number(form.intervalMinutes),
    fitMode: form.fitMode,
  };
}

/** Only what changed, so a save never overwrites a setting changed elsewhere meanwhile. */
export function toWallpaperPatch(form: WallpaperForm, saved: WallpaperSettings): SettingsPatch {
  const next = formSettings(form);
  const patch: WallpaperPatch = {};
  if (JSON.stringify(next.sources) !== JSON.stringify(saved.sources)) patch.sources = next.sources;
  if (JSON.stringify(next.blacklist) !== JSON.stringify(saved.blacklist)) patch.blacklist = next.blacklist;
  if (next.rating !== saved.rating) patch.rating = next.rating;
  if (next.intervalMinutes !== saved.intervalMinutes) patch.intervalMinutes = next.intervalMinutes;
  if (next.fitMode !== saved.fitMode) patch.fitMode = next.fitMode;
  return Object.keys(patch).length === 0 ? {} : { wallpaper: patch };
}

export function isWallpaperDirty(form: WallpaperForm, saved: WallpaperSettings): boolean {
  if (Object.keys(validateWallpaperForm(form)).length > 0) return true;
  return Object.keys(toWallpaperPatch(form, saved)).length > 0;
}

/** Adds a tag (trimmed, lower-case, no duplicates); returns the list unchanged when there is nothing to add. */
export function addTag(tags: readonly string[], raw: string): string[] {
  const tag = raw.trim().toLowerCase().slice(0, MAX_TAG_LENGTH);
  if (tag === '' || tags.includes(tag)) return [...tags];
  return [...tags, tag];
}

/** "in 29 min", "in 2 h 5 min", "in less than a minute". */
export function formatDue(dueAt: number, now: number): string {
  const minutes = Math.round((dueAt - now) / 60_000);
  if (minutes < 1) return 'in less than a minute';
  if (minutes < 60) return `in ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `in ${hours} h` : `in ${hours} h ${rest} min`;
}
