import type { IconName } from '../lib/icons';

export type ViewId = 'wallpaper' | 'reactions' | 'identify' | 'settings';

export interface ViewEntry {
  id: ViewId;
  label: string;
  icon: IconName;
}

export const VIEWS: readonly ViewEntry[] = [
  { id: 'wallpaper', label: 'Wallpaper', icon: 'wallpaper' },
  { id: 'reactions', label: 'Reactions', icon: 'reactions' },
  { id: 'identify', label: 'Identify', icon: 'identify' },
  { id: 'settings', label: 'Settings', icon: 'settings' },
];
