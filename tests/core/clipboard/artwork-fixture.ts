import type { Artwork } from '../../../main/core/artwork';

export function gifArtwork(overrides: Partial<Artwork> = {}): Artwork {
  return {
    id: 'nekos.best:0b1c2d3e-0000-4000-8000-000000000001',
    source: 'nekos.best',
    kind: 'gif',
    category: 'hug',
    url: 'https://nekos.best/api/v2/hug/0b1c2d3e-0000-4000-8000-000000000001.gif',
    previewUrl: 'https://nekos.best/api/v2/hug/0b1c2d3e-0000-4000-8000-000000000001.gif',
    width: 4,
    height: 4,
    rating: 'safe',
    tags: [],
    anime: 'Frieren',
    character: null,
    artist: null,
    sourceUrl: null,
    colors: null,
    ...overrides,
  };
}
