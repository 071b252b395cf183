import { createReadStream, statSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';

/** What the cache needs to know about a file on disk. */
export interface FileStat {
  size: number;
  mtimeMs: number;
  isFile: boolean;
}

/**
 * The file-system operations the download cache uses, as one small seam: the app passes `nodeCacheFs`; tests
 * wrap it to inject failures (a full disk, a read-only folder) at any step.
 */
export interface CacheFs {
  mkdir(dir: string): Promise<void>;
  /** Names in `dir`; `[]` when it does not exist. */
  readdir(dir: string): Promise<string[]>;
  /** Creates `file` (it must not exist), writes all of `data`, fsyncs and closes it. */
  writeFileDurable(file: string, data: Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Resolves when the file is gone, including when it never existed. */
  unlink(file: string): Promise<void>;
  /** Null when the path does not exist. */
  stat(file: string): Promise<FileStat | null>;
  /** The synchronous twin of `stat`, for the cheap check `DownloadCache.get` does before serving a file. */
  statSync(file: string): FileStat | null;
  readFile(file: string): Promise<Uint8Array>;
  /** The file's bytes as a stream, for hashing large files without holding them in memory. */
  readStream(file: string): AsyncIterable<Uint8Array>;
  /** Makes the renames in `dir` durable (fsync of the folder); a no-op where the platform cannot. */
  syncDir(dir: string): Promise<void>;
}

/** The `code` of a Node system error (`ENOSPC`, `ENOENT`, …), if it has one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

function toFileStat(stats: { size: number; mtimeMs: number; isFile(): boolean }): FileStat {
  return { size: stats.size, mtimeMs: stats.mtimeMs, isFile: stats.isFile() };
}

export const nodeCacheFs: CacheFs = {
  async mkdir(dir) {
    await mkdir(dir, { recursive: true });
  },
  async readdir(dir) {
    try {
      return await readdir(dir);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return [];
      throw error;
    }
  },
  async writeFileDurable(file, data) {
    const handle = await open(file, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename,
  async unlink(file) {
    try {
      await unlink(file);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
    }
  },
  async stat(file) {
    try {
      return toFileStat(await stat(file));
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null;
      throw error;
    }
  },
  statSync(file) {
    const stats = statSync(file, { throwIfNoEntry: false });
    return stats ? toFileStat(stats) : null;
  },
  readFile,
  readStream: (file) => createReadStream(file),
  async syncDir(dir) {
    let handle;
    try {
      handle = await open(dir, 'r');
      await handle.sync();
    } catch {
      // Windows cannot open or fsync a folder; the file itself was fsynced before the rename.
    } finally {
      await handle?.close();
    }
  },
};
