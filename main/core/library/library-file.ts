import { copyFile, mkdir, readFile, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write';
import { withFileLock, type FileLockOptions } from './file-lock';
import { emptyLibrary, parseLibrary, serializeLibrary, type LibraryData } from './library-schema';
import type { LibraryStorage } from './library-storage';

export const LIBRARY_FILE_NAME = 'library.json';

export interface LibraryFileOptions {
  /** For the names of files kept aside. Default `Date.now`. */
  now?: () => number;
  lock?: FileLockOptions;
  /** Called with each notice as it happens (the app logs it or shows it). */
  onNotice?: (notice: string) => void;
}

type ReadOutcome =
  { kind: 'ok'; data: LibraryData; dropped: number } | { kind: 'missing' } | { kind: 'corrupt' };

/**
 * `library.json` in the data folder, shared by the app and the CLI.
 *
 * - Every change re-reads the file under a lock file (`library.json.lock`), so neither process overwrites
 *   what the other wrote.
 * - Every write is atomic (temporary file, fsync, rename), and the same good content is then written to
 *   `library.json.bak`: at any moment at least one of the two is whole, and the backup is the last good
 *   library, so recovering from it loses nothing.
 * - A `library.json` that cannot be read is kept aside (`library.corrupt-<time>.json`) and restored from the
 *   backup; if the backup is bad too, an empty library starts. Each repair adds a notice.
 */
export class LibraryFile implements LibraryStorage {
  readonly file: string;
  readonly #backup: string;
  readonly #lock: string;
  readonly #now: () => number;
  readonly #lockOptions: FileLockOptions;
  readonly #onNotice: ((notice: string) => void) | undefined;
  readonly #notices: string[] = [];
  #cache: { stamp: string; data: LibraryData } | null = null;

  constructor(dir: string, options: LibraryFileOptions = {}) {
    this.file = path.join(dir, LIBRARY_FILE_NAME);
    this.#backup = `${this.file}.bak`;
    this.#lock = `${this.file}.lock`;
    this.#now = options.now ?? Date.now;
    this.#lockOptions = options.lock ?? {};
    this.#onNotice = options.onNotice;
  }

  get notices(): readonly string[] {
    return this.#notices;
  }

  /** Opens (and if needed repairs) the library file in `dir`. */
  static async open(dir: string, options: LibraryFileOptions = {}): Promise<LibraryFile> {
    await mkdir(dir, { recursive: true });
    const storage = new LibraryFile(dir, options);
    await storage.read();
    return storage;
  }

  async read(): Promise<LibraryData> {
    const stamp = await this.#stamp();
    if (this.#cache !== null && stamp !== null && this.#cache.stamp === stamp) return this.#cache.data;
    const outcome = await readLibrary(this.file);
    if (outcome.kind === 'ok' && outcome.dropped === 0) {
      this.#remember(stamp, outcome.data);
      return outcome.data;
    }
    if (outcome.kind === 'missing' && !(await exists(this.#backup))) return emptyLibrary();
    // Something to repair: do it under the lock, looking again (the other process may have fixed it).
    return withFileLock(this.#lock, () => this.#readRepairing(), this.#lockOptions);
  }

  async update(change: (data: LibraryData) => LibraryData): Promise<LibraryData> {
    await mkdir(path.dirname(this.file), { recursive: true });
    return withFileLock(
      this.#lock,
      async () => {
        const next = change(await this.#readRepairing());
        await this.#write(next);
        return next;
      },
      this.#lockOptions,
    );
  }

  /** Call with the lock held. */
  async #readRepairing(): Promise<LibraryData> {
    const stamp = await this.#stamp();
    if (this.#cache !== null && stamp !== null && this.#cache.stamp === stamp) return this.#cache.data;
    const outcome = await readLibrary(this.file);
    if (outcome.kind === 'ok') {
      if (outcome.dropped > 0) {
        const aside = await this.#keepAside('invalid');
        this.#notice(
          `${outcome.dropped} invalid ${outcome.dropped === 1 ? 'entry was' : 'entries were'} left out of ` +
            `your library; the file as it was is kept as ${aside}.`,
        );
        await this.#write(outcome.data);
      } else {
        this.#remember(stamp, outcome.data);
      }
      return outcome.data;
    }
    const backup = await readLibrary(this.#backup);
    if (outcome.kind === 'missing' && backup.kind !== 'ok') return emptyLibrary();
    const aside = outcome.kind === 'corrupt' ? await this.#keepAside('corrupt') : null;
    const what = aside === null ? 'Your library file was missing' : 'Your library file could not be read';
    const kept = aside === null ? '' : ` (the damaged file is kept as ${aside})`;
    if (backup.kind === 'ok') {
      this.#notice(`${what}; it was restored from its backup${kept}.`);
      await this.#write(backup.data);
      return backup.data;
    }
    this.#notice(`${what} and its backup could not be read either; a new, empty library was started${kept}.`);
    const empty = emptyLibrary();
    await this.#write(empty);
    return empty;
  }

  async #write(data: LibraryData): Promise<void> {
    const text = serializeLibrary(data);
    await writeFileAtomic(this.file, text);
    this.#remember(await this.#stamp(), data);
    await writeFileAtomic(this.#backup, text);
  }

  async #keepAside(why: string): Promise<string> {
    const stamp = new Date(this.#now()).toISOString().replace(/[:.]/g, '-');
    const aside = path.join(path.dirname(this.file), `library.${why}-${stamp}.json`);
    if (why === 'corrupt') await rename(this.file, aside);
    else await copyFile(this.file, aside);
    return aside;
  }

  #notice(text: string): void {
    this.#notices.push(text);
    this.#onNotice?.(text);
  }

  #remember(stamp: string | null, data: LibraryData): void {
    this.#cache = stamp === null ? null : { stamp, data };
  }

  /** Changes whenever the file is replaced or rewritten (a rename gives a new inode). */
  async #stamp(): Promise<string | null> {
    try {
      const info = await stat(this.file, { bigint: true });
      return `${info.ino}:${info.size}:${info.mtimeNs}`;
    } catch {
      return null;
    }
  }
}

async function readLibrary(file: string): Promise<ReadOutcome> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { kind: 'corrupt' };
  }
  const parsed = parseLibrary(raw);
  return parsed === null ? { kind: 'corrupt' } : { kind: 'ok', ...parsed };
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
