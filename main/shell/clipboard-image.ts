/**
 * The clipboard's image as bytes, for `identify:clipboard`. Electron 45's clipboard is the W3C-style one
 * (no `readImage` any more): `read()` gives the items and `getType(mime)` a Blob. Chromium offers a copied
 * image as `image/png` whatever the source app put there; any other raster type is taken as a fallback.
 * SVG is not a screenshot and is never taken.
 */
import type { Clipboard } from 'electron';

const PREFERRED = 'image/png';

export async function readClipboardImage(clipboard: Pick<Clipboard, 'read'>): Promise<Uint8Array | null> {
  for (const item of await clipboard.read()) {
    const type =
      item.types.find((candidate) => candidate === PREFERRED) ??
      item.types.find((candidate) => candidate.startsWith('image/') && !candidate.startsWith('image/svg'));
    if (type === undefined) continue;
    const payload = await item.getType(type);
    if (!(payload instanceof Blob)) continue;
    const bytes = new Uint8Array(await payload.arrayBuffer());
    if (bytes.byteLength > 0) return bytes;
  }
  return null;
}
