import type { CopyMode } from '../lib/api';
import type { IconName } from '../lib/icons';

/** How each copy mode is named in menus, hints and toasts. */
export const COPY_MODE_TEXT: Record<CopyMode, { menu: string; toast: string; icon: IconName }> = {
  file: { menu: 'Copy as file', toast: 'as a file', icon: 'gifs' },
  link: { menu: 'Copy as link', toast: 'as a link', icon: 'link' },
  image: { menu: 'Copy as image', toast: 'as a still image', icon: 'images' },
  markdown: { menu: 'Copy as Markdown', toast: 'as Markdown', icon: 'markdown' },
};

export const COPY_MODE_ORDER: readonly CopyMode[] = ['file', 'link', 'image', 'markdown'];

/** What the tile's context menu can do. */
export type MenuAction = { kind: 'copy'; mode: CopyMode } | { kind: 'open-source' } | { kind: 'favorite' };
