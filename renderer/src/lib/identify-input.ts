/**
 * Where an image to identify comes from in the page — a dropped or picked file, a paste — and the checks made
 * before anything is sent: main checks again, but a 40 MB video dropped by mistake should not cross the bridge
 * only to be refused.
 */
import { formatBytes } from './identify-format';
import { MAX_IDENTIFY_BYTES, MAX_IDENTIFY_NAME } from './identify-types';

/** The parts of a File the checks read (a File fits; tests pass plain objects). */
export interface ImageFileInfo {
  name: string;
  size: number;
  type: string;
}

/** File types a browser reports for screenshots and stills; the core sniffs the bytes itself. */
const IMAGE_EXTENSIONS = /\.(png|jpe?g|webp|gif|bmp|avif|tiff?)$/i;

/** Why a file cannot be identified, in words a person can act on, or null when it may be sent. */
export function refuseImageFile(file: ImageFileInfo): string | null {
  const name = file.name.trim() === '' ? 'That file' : `“${file.name}”`;
  // Some desktops give dropped files no type: fall back on the extension.
  const isImage = file.type === '' ? IMAGE_EXTENSIONS.test(file.name) : file.type.startsWith('image/');
  if (!isImage) {
    return `${name} is not an image. Use a screenshot or a still: PNG, JPEG, WebP or GIF.`;
  }
  if (file.size > MAX_IDENTIFY_BYTES) {
    return `${name} is ${formatBytes(file.size)}; images up to 25 MB can be identified. Crop or shrink it, then try again.`;
  }
  if (file.size === 0) return `${name} is empty.`;
  return null;
}

/** The label kept with the result (the contract caps it; the end of a long name matters least). */
export function labelFor(name: string, fallback: string): string {
  const trimmed = name.trim();
  if (trimmed === '') return fallback;
  return trimmed.length > MAX_IDENTIFY_NAME ? trimmed.slice(0, MAX_IDENTIFY_NAME) : trimmed;
}

/** A file's bytes, for `identify:image`. */
export async function readImageBytes(file: Blob): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await file.arrayBuffer());
}

/** The first file in a drop or a paste (items for pasted screenshots, which some browsers list only there). */
export function firstFile(data: DataTransfer | null): File | null {
  if (data === null) return null;
  const [file] = Array.from(data.files);
  if (file) return file;
  for (const item of Array.from(data.items)) {
    if (item.kind === 'file') {
      const asFile = item.getAsFile();
      if (asFile) return asFile;
    }
  }
  return null;
}

/** Whether a drag carries files (text and links dragged over the zone are not for it). */
export function carriesFiles(data: DataTransfer | null): boolean {
  return data !== null && Array.from(data.types).includes('Files');
}

/** What a paste holds for identification: an image file, an http(s) URL as text, or nothing for us. */
export type PastedInput = { kind: 'file'; file: File } | { kind: 'text'; text: string } | { kind: 'none' };

export function readPaste(data: DataTransfer | null): PastedInput {
  const file = firstFile(data);
  if (file) return { kind: 'file', file };
  const text = data?.getData('text/plain').trim() ?? '';
  return text === '' ? { kind: 'none' } : { kind: 'text', text };
}

/** Pastes into these are typing: their text stays theirs (an image pasted there is still identified). */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'file'].includes(target.type);
}
