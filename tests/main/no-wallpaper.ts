/** Handler deps for tests that never touch wallpapers: the service is not there, tags are empty. */
import { cacheUrl } from '../../main/core/cache';
import { NekodeskError } from '../../main/core/errors';
import type { HandlerDeps } from '../../main/handlers';

export const NO_WALLPAPER: Pick<HandlerDeps, 'wallpaper' | 'imageUrl' | 'nekosiaTags'> = {
  wallpaper: () => Promise.reject(new NekodeskError('internal', 'No wallpaper service in this test.')),
  imageUrl: cacheUrl,
  nekosiaTags: () => Promise.resolve({ tags: [], anime: [], characters: [] }),
};
