import type { NekosFormat } from './schemas';

/** nekos.best category names: lower-case words (`neko`, `thumbsup`, `tableflip`). */
export const CATEGORY_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/;

/** Asset file names are UUIDs today (numbers in 2022); anything else is refused. */
export const FILE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export interface NekosAssetPath {
  category: string;
  /** The file name without its extension (the UUID). */
  fileId: string;
  format: NekosFormat;
  /** `<fileId>.<format>` */
  fileName: string;
}

/**
 * Reads `…/<category>/<file id>.<png|gif>` from an asset URL's path. Null when the path has any other shape,
 * so nothing unexpected (`..`, encoded characters, other extensions) is ever trusted.
 */
export function parseAssetPath(pathname: string): NekosAssetPath | null {
  const match = /\/([^/]+)\/([^/]+)\.(png|gif)$/.exec(pathname);
  if (!match) return null;
  const [, category = '', fileId = '', format] = match;
  if (!CATEGORY_PATTERN.test(category) || !FILE_ID_PATTERN.test(fileId)) return null;
  if (format !== 'png' && format !== 'gif') return null;
  return { category, fileId, format, fileName: `${fileId}.${format}` };
}
