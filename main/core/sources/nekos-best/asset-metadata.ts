import { cleanText, httpUrlOrNull } from '../shared/sanitize';

/** What nekos.best says about an asset, in its response headers (URL-encoded upstream; decoded here). */
export interface NekosAssetMetadata {
  animeName: string | null;
  artistName: string | null;
  artistHref: string | null;
  sourceUrl: string | null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a URL-encoded header value without ever throwing: a malformed `%` sequence is kept as it is
 * and the rest still decoded. `+` is a space (form encoding), as a literal plus always arrives as `%2B`.
 */
export function decodeHeaderValue(raw: string | null): string | null {
  if (raw === null) return null;
  const value = repairLatin1(raw).replace(/\+/g, ' ');
  try {
    return decodeURIComponent(value);
  } catch {
    return value.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

/** A server that sends raw UTF-8 in a header reaches us as Latin-1 characters; read those bytes as UTF-8. */
function repairLatin1(value: string): string {
  if (!/[\u0080-\u00ff]/.test(value) || /[\u0100-\uffff]/.test(value)) return value;
  try {
    return utf8.decode(Uint8Array.from(value, (char) => char.charCodeAt(0)));
  } catch {
    return value;
  }
}

export function readAssetMetadata(headers: Headers): NekosAssetMetadata {
  const read = (name: string): string | null => decodeHeaderValue(headers.get(name));
  return {
    animeName: cleanText(read('anime_name')),
    artistName: cleanText(read('artist_name')),
    artistHref: httpUrlOrNull(read('artist_href')),
    sourceUrl: httpUrlOrNull(read('source_url')),
  };
}
