import path from 'node:path';
import type { CacheFs } from './cache-fs';
import { compareWithSidecar } from './file-check';
import { hashFile } from './file-hash';
import { entryPaths, parseEntryFileName, SHARD_DIR_PATTERN, type EntryPaths } from './layout';
import { parseSidecar, type Sidecar } from './sidecar';

/** An entry found on disk whose data file matches its sidecar. */
export interface ScannedEntry {
  sidecar: Sidecar;
  paths: EntryPaths;
  /** The data file's mtime changed but its bytes still hash right: the sidecar should be rewritten. */
  refreshed: boolean;
}

export interface ScanOptions {
  /** Hash every data file, not only those whose size or mtime no longer match their sidecar. */
  verifyHashes: boolean;
  isProcessAlive: (pid: number) => boolean;
}

export interface ScanResult {
  entries: ScannedEntry[];
  /** Files deleted: temp files of dead writers, orphans, sidecars without data, damaged entries. */
  removedFiles: number;
}

interface KeyFiles {
  sidecar: boolean;
  data: string[];
}

/**
 * Rebuilds the index from disk (the cache keeps no other index, so there is nothing to get out of step).
 * Only names the cache creates are looked at; anything else in the folders is left alone.
 */
export async function scanCache(fs: CacheFs, root: string, options: ScanOptions): Promise<ScanResult> {
  const result: ScanResult = { entries: [], removedFiles: 0 };
  const remove = async (file: string): Promise<void> => {
    await fs.unlink(file);
    result.removedFiles += 1;
  };
  for (const shard of (await fs.readdir(root)).sort()) {
    if (!SHARD_DIR_PATTERN.test(shard)) continue;
    const dir = path.join(root, shard);
    const names = await fs.readdir(dir).catch(() => []);
    const byKey = new Map<string, KeyFiles>();
    for (const name of names) {
      const parsed = parseEntryFileName(name);
      if (parsed === null) continue;
      if (parsed.kind === 'temp') {
        if (!options.isProcessAlive(parsed.pid)) await remove(path.join(dir, name));
        continue;
      }
      if (!parsed.key.startsWith(shard)) {
        await remove(path.join(dir, name));
        continue;
      }
      const files = byKey.get(parsed.key) ?? { sidecar: false, data: [] };
      if (parsed.kind === 'sidecar') files.sidecar = true;
      else files.data.push(name);
      byKey.set(parsed.key, files);
    }
    const checked = await Promise.all(
      [...byKey].map(([key, files]) => checkKey(fs, root, dir, key, files, options)),
    );
    for (const { entry, obsolete } of checked) {
      for (const file of obsolete) await remove(file);
      if (entry) result.entries.push(entry);
    }
  }
  return result;
}

/** Decides one key: its entry (if its files agree) and the files to delete. */
async function checkKey(
  fs: CacheFs,
  root: string,
  dir: string,
  key: string,
  files: KeyFiles,
  options: ScanOptions,
): Promise<{ entry: ScannedEntry | null; obsolete: string[] }> {
  const dataFiles = files.data.map((name) => path.join(dir, name));
  const sidecarPath = path.join(dir, `${key}.json`);
  const sidecar = files.sidecar ? await readSidecar(fs, sidecarPath, key) : null;
  if (sidecar === null) {
    return { entry: null, obsolete: files.sidecar ? [sidecarPath, ...dataFiles] : dataFiles };
  }
  const paths = entryPaths(root, key, sidecar.contentType);
  const strays = dataFiles.filter((file) => file !== paths.data);
  const drop = { entry: null, obsolete: [paths.sidecar, ...dataFiles] };
  const stat = dataFiles.includes(paths.data) ? await fs.stat(paths.data) : null;
  const state = compareWithSidecar(stat, sidecar);
  if (state === 'damaged' || stat === null) return drop;
  const touched = state === 'touched';
  if (touched || options.verifyHashes) {
    const hashed = await hashFile(fs, paths.data);
    if (hashed === null || hashed.size !== sidecar.size || hashed.sha256 !== sidecar.sha256) return drop;
  }
  return {
    entry: { sidecar: { ...sidecar, mtimeMs: stat.mtimeMs }, paths, refreshed: touched },
    obsolete: strays,
  };
}

async function readSidecar(fs: CacheFs, file: string, key: string): Promise<Sidecar | null> {
  try {
    return parseSidecar(await fs.readFile(file), key);
  } catch {
    return null;
  }
}
