/**
 * Dragging an artwork's file out of the picker into another app (`webContents.startDrag`), which works where
 * pasting a file does not. Only a file inside the download cache may leave this way: the path is resolved
 * through symbolic links and must stay under the cache's own (resolved) folder, so a page can never drag
 * out an arbitrary file. The icon under the pointer is the preview when the platform's image decoder reads
 * it (WebP: macOS yes; Windows and Linux decode only PNG/JPEG), else the app's own icon, at 64 px.
 */
import type { NativeImage, WebContents } from 'electron';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { NekodeskError } from '../core/errors';

export const DRAG_ICON_SIZE = 64;

export interface DragOutOptions {
  /** The download cache's folder: the only place a dragged file may come from. */
  cacheRoot: string;
  /** The preview to show under the pointer, if any. */
  iconPath?: string | null;
  /** The app's bundled icon (a PNG), when the preview cannot be read. */
  fallbackIcon: string;
  nativeImage: { createFromPath(path: string): NativeImage };
}

/** `file` resolved (through links), if it lies inside `root` (also resolved); else null. */
export async function insideFolder(root: string, file: string): Promise<string | null> {
  if (!path.isAbsolute(file)) return null;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    const relative = path.relative(realRoot, realFile);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
    return (await stat(realFile)).isFile() ? realFile : null;
  } catch {
    return null;
  }
}

export async function startDragOut(
  contents: Pick<WebContents, 'startDrag' | 'isDestroyed'>,
  file: string,
  options: DragOutOptions,
): Promise<void> {
  const allowed = await insideFolder(options.cacheRoot, file);
  if (allowed === null)
    throw new NekodeskError('invalid_input', 'Only downloaded artworks can be dragged out of the picker.');
  if (contents.isDestroyed()) return;
  contents.startDrag({ file: allowed, icon: dragIcon(options) });
}

function dragIcon(options: DragOutOptions): NativeImage {
  let image = options.iconPath ? options.nativeImage.createFromPath(options.iconPath) : null;
  if (image === null || image.isEmpty()) image = options.nativeImage.createFromPath(options.fallbackIcon);
  return image.resize({ width: DRAG_ICON_SIZE });
}
