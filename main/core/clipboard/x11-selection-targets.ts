/**
 * What the X11 clipboard owner offers for a payload, target by target (each an X atom name, with the
 * property type it is answered with and its bytes):
 * - a file: `text/uri-list` and `x-special/gnome-copied-files` (file managers, browsers, GTK and Electron
 *   chat apps paste the file, so a GIF stays animated), and the file's own bytes under its image type
 *   (`image/gif` for a GIF: apps that take image data get every frame), told by its first bytes;
 * - an image: `image/png`;
 * - always the text fallback, under every name X clients ask for text by.
 */
import { readFile } from 'node:fs/promises';
import { NekodeskError } from '../errors';
import { sniffImageType } from '../image-type';
import type { ClipboardPayload } from './clipboard-payload';
import { gnomeCopiedFiles, uriList } from './file-list';

export interface SelectionTarget {
  /** The target's atom name, as requestors ask for it. */
  target: string;
  /** The atom name of the property type answered with. */
  type: string;
  data: Buffer;
}

/** UTF-8 text targets, most specific first; `TEXT` lets the owner choose, and UTF-8 is the choice. */
const UTF8_TEXT_TARGETS = ['UTF8_STRING', 'text/plain;charset=utf-8', 'text/plain', 'TEXT'] as const;

/** The targets of `payload`; `fileBytes` is the first file's content (when it has files). */
export function selectionTargets(payload: ClipboardPayload, fileBytes?: Uint8Array): SelectionTarget[] {
  const targets: SelectionTarget[] = [];
  const add = (target: string, data: Buffer | string, type = target): void => {
    targets.push({ target, type, data: typeof data === 'string' ? Buffer.from(data, 'utf8') : data });
  };
  if (payload.files.length > 0) {
    add('text/uri-list', uriList(payload.files));
    add('x-special/gnome-copied-files', gnomeCopiedFiles(payload.files));
    const image = fileBytes === undefined ? null : sniffImageType(fileBytes);
    if (image !== null && fileBytes !== undefined) add(image.contentType, Buffer.from(fileBytes));
  }
  if (payload.imagePng !== undefined) add('image/png', Buffer.from(payload.imagePng));
  if (payload.html !== undefined) add('text/html', payload.html);
  for (const target of UTF8_TEXT_TARGETS)
    add(target, payload.text, target === 'TEXT' ? 'UTF8_STRING' : target);
  add('STRING', latin1(payload.text));
  return targets;
}

/** Reads the payload's first file (once: what is served stays what was copied) and builds the targets. */
export async function loadSelectionTargets(payload: ClipboardPayload): Promise<SelectionTarget[]> {
  const [file] = payload.files;
  if (file === undefined) return selectionTargets(payload);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new NekodeskError('not_found', `Cannot read the file to copy, ${file}: ${reason}`, {
      cause: error,
    });
  }
  return selectionTargets(payload, bytes);
}

/** ICCCM's STRING is ISO Latin-1: characters beyond it become "?". */
function latin1(text: string): Buffer {
  return Buffer.from(
    Array.from(text, (char) => {
      const code = char.codePointAt(0) ?? 0x3f;
      return code <= 0xff ? code : 0x3f;
    }),
  );
}
