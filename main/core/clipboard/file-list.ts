import { pathToFileURL } from 'node:url';

/** `text/uri-list` (RFC 2483): one percent-encoded `file://` URI per line, each line ending in CRLF. */
export function uriList(files: readonly string[]): string {
  return files.map((file) => `${pathToFileURL(file).href}\r\n`).join('');
}

/** `x-special/gnome-copied-files`: `copy`, then one `file://` URI per line (GNOME Files, Nautilus, Nemo). */
export function gnomeCopiedFiles(files: readonly string[]): string {
  return ['copy', ...files.map((file) => pathToFileURL(file).href)].join('\n');
}
