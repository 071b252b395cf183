import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { NekodeskError } from '../errors';
import type { PreviewFiles } from './picker-ports';

/**
 * Small previews for the picker's tiles, made once from a cached original: an animated WebP (every frame,
 * `width` px wide) and a still poster (the first frame). Files are named by sha256(artwork id, width), written
 * to a temp file and renamed (a reader never sees half a file), and concurrent requests share one job.
 */
export class PreviewMaker {
  readonly dir: string;
  readonly width: number;
  readonly #jobs = new Map<string, Promise<PreviewFiles>>();

  constructor(dir: string, width: number) {
    this.dir = dir;
    this.width = width;
  }

  /** The preview files if both are already on disk. */
  async existing(artworkId: string): Promise<PreviewFiles | null> {
    const files = this.filesOf(artworkId);
    return (await isFile(files.animated)) && (await isFile(files.poster)) ? files : null;
  }

  filesOf(artworkId: string): PreviewFiles {
    const key = createHash('sha256').update(`${artworkId}\n${this.width}`).digest('hex');
    const folder = path.join(this.dir, key.slice(0, 2));
    return {
      animated: path.join(folder, `${key}-${this.width}.webp`),
      poster: path.join(folder, `${key}-${this.width}-poster.webp`),
    };
  }

  /** Makes (once) the previews of `artworkId` from its original at `source`. */
  make(artworkId: string, source: string): Promise<PreviewFiles> {
    const running = this.#jobs.get(artworkId);
    if (running) return running;
    const job = this.#make(artworkId, source).finally(() => {
      this.#jobs.delete(artworkId);
    });
    this.#jobs.set(artworkId, job);
    return job;
  }

  async #make(artworkId: string, source: string): Promise<PreviewFiles> {
    const ready = await this.existing(artworkId);
    if (ready) return ready;
    const files = this.filesOf(artworkId);
    await mkdir(path.dirname(files.animated), { recursive: true });
    try {
      const resize = { width: this.width, withoutEnlargement: true } as const;
      await writeAtomically(files.poster, (temp) =>
        sharp(source, { pages: 1 }).resize(resize).webp({ quality: 75, effort: 2 }).toFile(temp),
      );
      await writeAtomically(files.animated, (temp) =>
        sharp(source, { animated: true })
          .resize(resize)
          .webp({ quality: 70, effort: 2, loop: 0 })
          .toFile(temp),
      );
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new NekodeskError('internal', `Could not make a preview of ${artworkId}: ${reason}`, {
        cause: error,
      });
    }
    return files;
  }
}

async function writeAtomically(file: string, write: (temp: string) => Promise<unknown>): Promise<void> {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp.webp`;
  try {
    await write(temp);
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).size > 0;
  } catch {
    return false;
  }
}
