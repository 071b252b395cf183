import type { Snippet } from 'svelte';
import type { IconName } from '../icons';

/** Card.svelte's props, for components that wrap a card (SettingsCard) and pass them on. */
export interface CardProps {
  /** Names the heading (`{id}-title`), which labels the section. */
  id: string;
  icon: IconName;
  title: string;
  description: string;
  /** Shown beside the title when given. */
  count?: number;
  children: Snippet;
}
