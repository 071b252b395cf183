import type { Artwork } from '../../../main/core/artwork';

let counter = 0;

/** A valid Artwork for tests; `overrides` set what the test is about. */
export function makeArtwork(overrides: Partial<Artwork> = {}): Artwork {
  counter += 1;
  const id = overrides.id ?? `nekosia:${counter.toString(16).padStart(24, '0')}`;
  return {
    id,
    source: 'nekosia',
    kind: 'image',
    category: 'catgirl',
    url: `https://images.example/${counter}.png`,
    previewUrl: `https://images.example/${counter}-compressed.jpg`,
    width: 1200,
    height: 1800,
    rating: 'safe',
    tags: ['catgirl'],
    anime: 'Sousou no Frieren',
    character: 'Frieren',
    artist: { name: 'Mochi Usagi', url: 'https://artists.example/mochi' },
    sourceUrl: null,
    colors: { main: '#aabbcc', palette: ['#aabbcc'] },
    ...overrides,
  };
}
