import { emptyLibrary, parseLibrary, serializeLibrary, type LibraryData } from './library-schema';
import type { LibraryStorage } from './library-storage';
import {
  RecoverableJsonFile,
  type RecoverableJsonFileFormat,
  type RecoverableJsonFileOptions,
} from './recoverable-json-file';

export const LIBRARY_FILE_NAME = 'library.json';

export type LibraryFileOptions = RecoverableJsonFileOptions;

const LIBRARY_FORMAT: RecoverableJsonFileFormat<LibraryData> = {
  fileName: LIBRARY_FILE_NAME,
  parse: parseLibrary,
  serialize: serializeLibrary,
  empty: emptyLibrary,
  wording: {
    subject: 'Your library file',
    contents: 'your library',
    startedEmpty: 'a new, empty library was started',
  },
  cache: true,
  keepInvalidBy: 'copy',
};

/**
 * `library.json` in the data folder, shared by the app and the CLI: locked re-reads, atomic writes mirrored
 * to `library.json.bak`, repairs kept aside as `library.corrupt-<time>.json` / `library.invalid-<time>.json`
 * (see `RecoverableJsonFile`), and reads cached while the file is unchanged.
 */
export class LibraryFile extends RecoverableJsonFile<LibraryData> implements LibraryStorage {
  constructor(dir: string, options: LibraryFileOptions = {}) {
    super(dir, LIBRARY_FORMAT, options);
  }
}
