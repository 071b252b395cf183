/**
 * What a copy puts on the clipboard, for each copy mode (ARCHITECTURE.md, "Copying a GIF"): a GIF pastes
 * animated only as a *file*, so `file` offers the file and the link; chat apps also animate a GIF *link*.
 */
import path from 'node:path';
import type { Artwork } from '../artwork';
import { NekodeskError } from '../errors';
import type { CopyMode } from '../settings/settings-schema';

export interface ClipboardPayload {
  /** Absolute paths of files to offer (as a file manager's "copy" would). */
  files: string[];
  /** Always set: the plain-text fallback (the artwork's URL, or the Markdown). */
  text: string;
  html?: string;
  /** The first frame as PNG, for mode `image`. */
  imagePng?: Uint8Array;
}

/** Turns a file into PNG bytes of its first frame (sharp by default; tests may pass their own). */
export type FirstFramePng = (file: string) => Promise<Uint8Array>;

export const sharpFirstFramePng: FirstFramePng = async (file) => {
  const { default: sharp } = await import('sharp');
  const buffer = await sharp(file, { pages: 1 }).png().toBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
};

/**
 * The payload for `mode`: `file` → the file and its URL as text; `link` → the URL; `markdown` →
 * `![anime or category](url)`; `image` → the first frame as PNG and the URL as text.
 * `file` is the artwork's downloaded original (absolute).
 */
export async function payloadFor(
  mode: CopyMode,
  artwork: Artwork,
  file: string,
  firstFramePng: FirstFramePng = sharpFirstFramePng,
): Promise<ClipboardPayload> {
  switch (mode) {
    case 'file':
      return { files: [absolute(file)], text: artwork.url };
    case 'link':
      return { files: [], text: artwork.url };
    case 'markdown':
      return { files: [], text: markdownImage(artwork) };
    case 'image':
      return { files: [], text: artwork.url, imagePng: await firstFramePng(absolute(file)) };
  }
}

/** `![alt](url)` with the alt text's brackets and backslashes escaped and the URL's breaking characters encoded. */
export function markdownImage(artwork: Pick<Artwork, 'anime' | 'category' | 'url'>): string {
  const label = (artwork.anime ?? artwork.category).replace(/\s+/g, ' ').trim() || 'image';
  const alt = label.replace(/[\\[\]]/g, (char) => `\\${char}`);
  return `![${alt}](${markdownUrl(artwork.url)})`;
}

function markdownUrl(url: string): string {
  return url.replace(
    /[\s()<>]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

function absolute(file: string): string {
  if (!path.isAbsolute(file))
    throw new NekodeskError('internal', `Clipboard files must be absolute: ${file}`);
  return file;
}
