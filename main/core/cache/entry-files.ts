import { throwIfAborted } from '../http/abort';
import type { CacheFs, FileStat } from './cache-fs';
import { tempPathFor, type EntryPaths } from './layout';
import { serializeSidecar, type Sidecar } from './sidecar';

/** Writes `data` to a temp file beside `target`, fsyncs it and renames it over `target`; no temp file is left. */
export async function writeFileAtomic(fs: CacheFs, target: string, data: Uint8Array): Promise<void> {
  const temp = tempPathFor(target);
  try {
    await fs.writeFileDurable(temp, data);
    await fs.rename(temp, target);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
}

/**
 * Publishes a downloaded file: data file first (temp → fsync → rename → fsync of the folder), then its sidecar
 * (the same way). A crash before the sidecar's rename leaves a data file without a sidecar, which the next open
 * removes; a failure here removes what was written. The signal is honoured up to the data file's rename.
 * Resolves to the sidecar written (it records the data file's size and mtime).
 */
export async function writeEntryFiles(
  fs: CacheFs,
  paths: EntryPaths,
  data: Uint8Array,
  sidecarFor: (stat: FileStat) => Sidecar,
  signal?: AbortSignal,
): Promise<Sidecar> {
  await fs.mkdir(paths.dir);
  const temp = tempPathFor(paths.data);
  try {
    await fs.writeFileDurable(temp, data);
    throwIfAborted(signal);
    await fs.rename(temp, paths.data);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  try {
    await fs.syncDir(paths.dir);
    const stat = await fs.stat(paths.data);
    if (stat === null) throw new Error('the file vanished right after it was written');
    const sidecar = sidecarFor(stat);
    await writeFileAtomic(fs, paths.sidecar, serializeSidecar(sidecar));
    return sidecar;
  } catch (error) {
    await fs.unlink(paths.data).catch(() => undefined);
    throw error;
  }
}

/** Sidecar first, then the data file: a crash in between leaves an orphan data file, removed at the next open. */
export async function removeEntryFiles(fs: CacheFs, paths: EntryPaths): Promise<void> {
  await fs.unlink(paths.sidecar);
  await fs.unlink(paths.data);
}
