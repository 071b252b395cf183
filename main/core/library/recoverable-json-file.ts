import { copyFile, mkdir, readFile, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write';
import { withFileLock, type FileLockOptions } from './file-lock';

export interface RecoverableJsonFileOptions {
  /** For the names of files kept aside. Default `Date.now`. */
  now?: () => number;
  lock?: FileLockOptions;
  /** Called with each notice as it happens (the app logs it or shows it). */
  onNotice?: (notice: string) => void;
}

/** The words a file's repair notices use for it. */
export interface RecoverableJsonFileWording {
  /** Starts a sentence: "Your library file" → "Your library file was missing; …". */
  subject: string;
  /** What invalid entries were left out of: "… left out of your library; …". */
  contents: string;
  /** What happens when neither the file nor its backup can be read: "a new, empty library was started". */
  startedEmpty: string;
}

export interface RecoverableJsonFileFormat<T> {
  /** The file's name in its folder, e.g. `library.json`; files kept aside are named after its stem. */
  fileName: string;
  /** Keeps every valid entry (`dropped` counts the others); null when it is not such a file at all. */
  parse: (raw: unknown) => { data: T; dropped: number } | null;
  serialize: (data: T) => string;
  empty: () => T;
  wording: RecoverableJsonFileWording;
  /** Remember the last data read or written, keyed by the file's stamp, and skip re-reading it. Default false. */
  cache?: boolean;
  /**
   * How the original is kept aside before invalid entries are dropped: `copy` (`copyFile`, keeps its mode) or
   * `rewrite` (its text written atomically to the new file). Default `copy`.
   */
  keepInvalidBy?: 'copy' | 'rewrite';
}

type ReadOutcome<T> = { kind: 'ok'; data: T; dropped: number } | { kind: 'missing' } | { kind: 'corrupt' };

/**
 * A JSON file in the data folder shared by the app and the CLI (`library.json`, `picker.json`):
 *
 * - Every change re-reads the file under a lock file (`<name>.lock`), so neither process overwrites what the
 *   other wrote.
 * - Every write is atomic (temporary file, fsync, rename), and the same good content is then written to
 *   `<name>.bak`: at any moment at least one of the two is whole, and the backup is the last good content, so
 *   recovering from it loses nothing.
 * - A file that cannot be read is kept aside (`<stem>.corrupt-<time>.json`) and restored from the backup; if
 *   the backup is bad too, an empty one starts. Invalid entries are dropped, the original copied aside as
 *   `<stem>.invalid-<time>.json`. Each repair adds a notice.
 */
export class RecoverableJsonFile<T> {
  readonly file: string;
  readonly #format: RecoverableJsonFileFormat<T>;
  readonly #backup: string;
  readonly #lock: string;
  readonly #now: () => number;
  readonly #lockOptions: FileLockOptions;
  readonly #onNotice: ((notice: string) => void) | undefined;
  readonly #notices: string[] = [];
  #cache: { stamp: string; data: T } | null = null;

  constructor(dir: string, format: RecoverableJsonFileFormat<T>, options: RecoverableJsonFileOptions = {}) {
    this.file = path.join(dir, format.fileName);
    this.#format = format;
    this.#backup = `${this.file}.bak`;
    this.#lock = `${this.file}.lock`;
    this.#now = options.now ?? Date.now;
    this.#lockOptions = options.lock ?? {};
    this.#onNotice = options.onNotice;
  }

  get notices(): readonly string[] {
    return this.#notices;
  }

  /** Creates `dir` if needed, then opens (and if needed repairs) the file in it: `LibraryFile.open(dir)`. */
  static async open<F extends { read(): Promise<unknown> }>(
    this: new (dir: string, options?: RecoverableJsonFileOptions) => F,
    dir: string,
    options: RecoverableJsonFileOptions = {},
  ): Promise<F> {
    await mkdir(dir, { recursive: true });
    const file = new this(dir, options);
    await file.read();
    return file;
  }

  async read(): Promise<T> {
    const stamp = await this.#stamp();
    if (this.#cache !== null && stamp !== null && this.#cache.stamp === stamp) return this.#cache.data;
    const outcome = await this.#readFile(this.file);
    if (outcome.kind === 'ok' && outcome.dropped === 0) {
      this.#remember(stamp, outcome.data);
      return outcome.data;
    }
    if (outcome.kind === 'missing' && !(await exists(this.#backup))) return this.#format.empty();
    // Something to repair: do it under the lock, looking again (the other process may have fixed it).
    return withFileLock(this.#lock, () => this.#readRepairing(), this.#lockOptions);
  }

  /** Reads the latest data, applies `change` and saves the result, with no other writer in between. */
  async update(change: (data: T) => T): Promise<T> {
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
  async #readRepairing(): Promise<T> {
    const { wording } = this.#format;
    const stamp = await this.#stamp();
    if (this.#cache !== null && stamp !== null && this.#cache.stamp === stamp) return this.#cache.data;
    const outcome = await this.#readFile(this.file);
    if (outcome.kind === 'ok') {
      if (outcome.dropped > 0) {
        const aside = await this.#keepAside('invalid');
        this.#notice(
          `${outcome.dropped} invalid ${outcome.dropped === 1 ? 'entry was' : 'entries were'} left out of ` +
            `${wording.contents}; the file as it was is kept as ${aside}.`,
        );
        await this.#write(outcome.data);
      } else {
        this.#remember(stamp, outcome.data);
      }
      return outcome.data;
    }
    const backup = await this.#readFile(this.#backup);
    if (outcome.kind === 'missing' && backup.kind !== 'ok') return this.#format.empty();
    const aside = outcome.kind === 'corrupt' ? await this.#keepAside('corrupt') : null;
    const what = `${wording.subject} ${aside === null ? 'was missing' : 'could not be read'}`;
    const kept = aside === null ? '' : ` (the damaged file is kept as ${aside})`;
    if (backup.kind === 'ok') {
      this.#notice(`${what}; it was restored from its backup${kept}.`);
      await this.#write(backup.data);
      return backup.data;
    }
    this.#notice(`${what} and its backup could not be read either; ${wording.startedEmpty}${kept}.`);
    const empty = this.#format.empty();
    await this.#write(empty);
    return empty;
  }

  async #readFile(file: string): Promise<ReadOutcome<T>> {
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
    const parsed = this.#format.parse(raw);
    return parsed === null ? { kind: 'corrupt' } : { kind: 'ok', ...parsed };
  }

  async #write(data: T): Promise<void> {
    const text = this.#format.serialize(data);
    await writeFileAtomic(this.file, text);
    this.#remember(await this.#stamp(), data);
    await writeFileAtomic(this.#backup, text);
  }

  async #keepAside(why: 'corrupt' | 'invalid'): Promise<string> {
    const stamp = new Date(this.#now()).toISOString().replace(/[:.]/g, '-');
    const stem = path.basename(this.#format.fileName, '.json');
    const aside = path.join(path.dirname(this.file), `${stem}.${why}-${stamp}.json`);
    if (why === 'corrupt') await rename(this.file, aside);
    else if (this.#format.keepInvalidBy === 'rewrite')
      await writeFileAtomic(aside, await readFile(this.file, 'utf8'));
    else await copyFile(this.file, aside);
    return aside;
  }

  #notice(text: string): void {
    this.#notices.push(text);
    this.#onNotice?.(text);
  }

  #remember(stamp: string | null, data: T): void {
    this.#cache = stamp === null ? null : { stamp, data };
  }

  /** Changes whenever the file is replaced or rewritten (a rename gives a new inode); null without the cache. */
  async #stamp(): Promise<string | null> {
    if (this.#format.cache !== true) return null;
    try {
      const info = await stat(this.file, { bigint: true });
      return `${info.ino}:${info.size}:${info.mtimeNs}`;
    } catch {
      return null;
    }
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
