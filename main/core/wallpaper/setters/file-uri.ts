import { pathToFileURL } from 'node:url';

/** `file://` URI of an absolute path, percent-encoded (spaces, `%`, `#`, `?`, non-ASCII, …). */
export function toFileUri(file: string): string {
  return pathToFileURL(file).href;
}
