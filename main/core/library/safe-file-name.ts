import type { Artwork } from '../artwork';

const MAX_NAME_LENGTH = 120;
/** Names Windows reserves, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * Makes any text safe as (part of) a file name on every system: no path separators, reserved or control
 * characters, no leading or trailing dots or spaces, not too long.
 */
export function sanitizeFileNamePart(text: string, maxLength = MAX_NAME_LENGTH): string {
  const cleaned = text
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}<>:"/\\|?*]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s-]+|[.\s]+$/g, '');
  const graphemes = Array.from(new Intl.Segmenter().segment(cleaned), (part) => part.segment);
  const cut = graphemes.slice(0, maxLength).join('').trim();
  return RESERVED.test(cut) ? `_${cut}` : cut;
}

/**
 * A readable name for an artwork's file, from our own fields only (never an upstream path):
 * `<anime> - <character> - <artist> (<source> <short id>).<extension>`, e.g.
 * `Sousou no Frieren - Frieren - Mochi Usagi (nekosia 65f0a1b2c3d4).png`.
 */
export function artworkFileName(artwork: Artwork, extension: string): string {
  const parts = [artwork.anime ?? artwork.category, artwork.character, artwork.artist?.name]
    .filter((part): part is string => part !== null && part !== undefined)
    .map((part) => sanitizeFileNamePart(part, 40))
    .filter((part, index, all) => part !== '' && all.indexOf(part) === index);
  const source = artwork.source === 'nekos.best' ? 'nekos.best' : 'nekosia';
  const rawId = artwork.id.slice(artwork.id.indexOf(':') + 1).replace(/[^a-zA-Z0-9]/g, '');
  const tag = `(${source} ${rawId.slice(0, 12) || 'artwork'})`;
  const title = sanitizeFileNamePart(parts.join(' - '), 90);
  const stem = title === '' ? tag : `${title} ${tag}`;
  const ext = extension.replace(/[^a-z0-9]/gi, '').toLowerCase() || 'img';
  return `${stem}.${ext}`;
}
