import type { CallResponse } from '../../../preload/contract';
import { fakeArtwork } from '../support/fake-api';

export type Item = CallResponse<'picker:browse'>['items'][number];
export type Chip = CallResponse<'picker:chips'>[number];

export const CHIPS: Chip[] = [
  { id: 'recent', kind: 'recent', label: 'Recent', category: null, format: null },
  { id: 'favorites', kind: 'favorites', label: 'Favorites', category: null, format: null },
  { id: 'category:hug', kind: 'category', label: 'Hug', category: 'hug', format: 'gif' },
  { id: 'category:pat', kind: 'category', label: 'Pat', category: 'pat', format: 'gif' },
];

/** `count` GIF tiles named "Anime 1" … */
export function items(count: number, prefix = 'Anime'): Item[] {
  return Array.from({ length: count }, (_, index) => ({
    artwork: fakeArtwork({
      source: 'nekos.best',
      kind: 'gif',
      category: 'hug',
      anime: `${prefix} ${index + 1}`,
      url: `https://nekos.example/hug/${prefix}-${index + 1}.gif`,
    }),
    previewUrl: null,
    posterUrl: null,
    favorite: false,
  }));
}
