/**
 * Upstream metadata is untrusted: it ends up in links, file names, log lines and the UI.
 * These helpers turn any value into something safe to show, or null.
 */

// eslint-disable-next-line no-control-regex -- stripping control and bidi characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;

export const MAX_TEXT_LENGTH = 300;
export const MAX_URL_LENGTH = 2048;

/** A trimmed, single-line, length-capped string; null for anything else or when empty. */
export function cleanText(value: unknown, maxLength = MAX_TEXT_LENGTH): string | null {
  if (typeof value !== 'string') return null;
  const text = value.replace(CONTROL_CHARACTERS, ' ').replace(/\s+/g, ' ').trim();
  if (text === '') return null;
  return text.length > maxLength ? `${text.slice(0, maxLength - 1).trimEnd()}…` : text;
}

/** The URL, normalised, when it is a well-formed http(s) URL without credentials; else null. */
export function httpUrlOrNull(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text === '' || text.length > MAX_URL_LENGTH || !URL.canParse(text)) return null;
  const url = new URL(text);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  return url.href;
}

/** Whole, positive numbers only (pixel sizes, counts). */
export function positiveIntOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : null;
}

/** A list of clean, unique strings (tags); anything that is not a string is dropped. */
export function cleanList(value: unknown, maxItems = 100, maxLength = 80): string[] {
  if (!Array.isArray(value)) return [];
  const out = new Set<string>();
  for (const item of value) {
    const text = cleanText(item, maxLength);
    if (text !== null) out.add(text);
    if (out.size >= maxItems) break;
  }
  return [...out];
}

/** `#rrggbb` (or `#rgb`), lower-cased; null otherwise. */
export function hexColorOrNull(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(text) ? text.toLowerCase() : null;
}
