import { emptyLibrary, type LibraryData } from './library-schema';

/** Where the library lives: `library.json` for the app and the CLI, memory for tests and the bench. */
export interface LibraryStorage {
  /** The library as it is now (another process may have changed it since the last call). */
  read(): Promise<LibraryData>;
  /** Reads the latest library, applies `change` and saves the result, with no other writer in between. */
  update(change: (data: LibraryData) => LibraryData): Promise<LibraryData>;
  /** What was repaired when the library was opened or read, for the person. */
  readonly notices: readonly string[];
}

/** A library that lives only as long as the process. */
export class MemoryLibraryStorage implements LibraryStorage {
  #data: LibraryData;
  readonly notices: readonly string[] = [];

  constructor(initial: LibraryData = emptyLibrary()) {
    this.#data = initial;
  }

  read(): Promise<LibraryData> {
    return Promise.resolve(this.#data);
  }

  update(change: (data: LibraryData) => LibraryData): Promise<LibraryData> {
    this.#data = change(this.#data);
    return Promise.resolve(this.#data);
  }
}
