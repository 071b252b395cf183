/**
 * The app's `ClipboardWriter`, over Electron's clipboard. Electron 45's clipboard is the W3C-style one:
 * `clipboard.write([new ClipboardItem({format: payload})])` commits every format of the item in ONE
 * transaction (there is no `writeBuffer`/`writeImage` any more, and any later write replaces everything),
 * so the whole payload is written in one call. Platform formats go through Electron's raw custom format
 * `electron application/osclipboard;format="<name>"`. A GIF pastes animated only as a file
 * (ARCHITECTURE.md, "Copying a GIF"), so a file is offered as:
 * - Linux: `text/uri-list` and `x-special/gnome-copied-files` (file managers, GTK and Electron apps), and the
 *   file's own bytes under its image type (`image/gif` for a GIF, told by its first bytes), for apps that
 *   take image data rather than files;
 * - macOS: `public.file-url` and the legacy `NSFilenamesPboardType` (an XML plist of paths);
 * - Windows: `FileNameW` (the path in UTF-16LE, NUL-terminated).
 * The URL always goes along as `text/plain`; mode `image` adds `image/png`. If the platform refuses a raw
 * format, fewer are written: without the image bytes, then the standard formats alone, then the text
 * alone, so a copy never leaves nothing.
 */
import type { Clipboard, ClipboardItem } from 'electron';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { ClipboardPayload } from '../core/clipboard/clipboard-payload';
import type { ClipboardWriter } from '../core/clipboard/clipboard-writer';
import { gnomeCopiedFiles, uriList } from '../core/clipboard/file-list';
import { sniffImageType } from '../core/image-type';
import type { ShellLog } from './logger';

export type ClipboardValue = string | Blob;
export type ClipboardEntries = Record<string, ClipboardValue>;

export interface ElectronClipboardDeps {
  clipboard: Pick<Clipboard, 'write' | 'writeText'>;
  /** Electron's `ClipboardItem` class. */
  ClipboardItem: new (items: ClipboardEntries) => ClipboardItem;
  platform: NodeJS.Platform;
  log: ShellLog;
  /** Reads a copied file (for its image bytes on Linux); default `fs.readFile`. */
  readFile?: (file: string) => Promise<Uint8Array>;
}

/** Electron's name for a raw, platform-specific clipboard format. */
export function osFormat(name: string): string {
  return `electron application/osclipboard;format="${name}"`;
}

/** The platform formats that offer `files` as files. Empty when there are none. */
export function fileFormats(files: readonly string[], platform: NodeJS.Platform): ClipboardEntries {
  const [first] = files;
  if (first === undefined) return {};
  switch (platform) {
    case 'darwin':
      // One pasteboard item carries one URL: the first file (the picker copies one at a time).
      return {
        [osFormat('public.file-url')]: pathToFileURL(first).href,
        [osFormat('NSFilenamesPboardType')]: filenamesPlist(files),
      };
    case 'win32':
      return { [osFormat('FileNameW')]: bytes(Buffer.from(`${first}\0`, 'utf16le')) };
    default:
      return {
        [osFormat('text/uri-list')]: uriList(files),
        [osFormat('x-special/gnome-copied-files')]: gnomeCopiedFiles(files),
      };
  }
}

/**
 * Linux: the first file's bytes as a raw format named by its image type (`image/gif`), when its first
 * bytes say it is an image. Empty on other platforms, for other files, or when it cannot be read.
 */
export async function imageFileFormat(
  files: readonly string[],
  platform: NodeJS.Platform,
  read: (file: string) => Promise<Uint8Array>,
  log: ShellLog,
): Promise<ClipboardEntries> {
  const [first] = files;
  if (first === undefined || platform === 'darwin' || platform === 'win32') return {};
  let data: Uint8Array;
  try {
    data = await read(first);
  } catch (error) {
    log.warn('Could not read the copied file for its image data; copying it as a file only', error);
    return {};
  }
  const type = sniffImageType(data);
  return type === null ? {} : { [osFormat(type.contentType)]: bytes(data) };
}

/** The standard formats: the text fallback always, HTML and the PNG when the payload has them. */
export function standardFormats(payload: ClipboardPayload): ClipboardEntries {
  const entries: ClipboardEntries = { 'text/plain': payload.text };
  if (payload.html !== undefined) entries['text/html'] = payload.html;
  if (payload.imagePng !== undefined) entries['image/png'] = bytes(payload.imagePng);
  return entries;
}

export function createElectronClipboard(deps: ElectronClipboardDeps): ClipboardWriter {
  const writeAll = (entries: ClipboardEntries): Promise<void> =>
    deps.clipboard.write([new deps.ClipboardItem(entries)]);
  const read = deps.readFile ?? readFile;

  return {
    name: 'Electron',
    async write(payload) {
      const standard = standardFormats(payload);
      const files = fileFormats(payload.files, deps.platform);
      const image = await imageFileFormat(payload.files, deps.platform, read, deps.log);
      // Everything, then without the raw image bytes, then the standard formats (each only when it is
      // fewer formats than the attempt before), then the text alone.
      const attempts: ClipboardEntries[] = [];
      for (const entries of [{ ...files, ...image, ...standard }, { ...files, ...standard }, standard]) {
        const previous = attempts.at(-1);
        if (previous === undefined || Object.keys(entries).length < Object.keys(previous).length)
          attempts.push(entries);
      }
      for (const entries of attempts) {
        try {
          await writeAll(entries);
          return;
        } catch (error) {
          deps.log.warn('The clipboard refused some formats; writing fewer', error);
        }
      }
      await deps.clipboard.writeText(payload.text);
    },
  };
}

function filenamesPlist(files: readonly string[]): string {
  const strings = files.map((file) => `<string>${escapeXml(file)}</string>`).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n' +
    `<plist version="1.0"><array>${strings}</array></plist>\n`
  );
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => `&#${String(char.charCodeAt(0))};`);
}

function bytes(data: Uint8Array): Blob {
  // A copy: a Blob wants bytes of its own, not a view into a larger (possibly shared) buffer.
  return new Blob([new Uint8Array(data)]);
}
