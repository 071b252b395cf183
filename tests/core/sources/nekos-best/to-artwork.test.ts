import { describe, expect, it } from 'vitest';
import { artworkSchema } from '../../../../main/core/artwork';
import { nekosBestItemToArtwork } from '../../../../main/core/sources/nekos-best/to-artwork';
import { useNekodeskHome } from '../helpers';

const UUID = '5f2b7c1e-9a4d-4e3b-8c6f-1d2e3f4a5b6c';
const base = 'https://nekos.best/api/v2';

describe('nekosBestItemToArtwork', () => {
  useNekodeskHome();

  it('maps an image item completely', () => {
    const artwork = nekosBestItemToArtwork({
      url: `${base}/waifu/${UUID}.png`,
      artist_name: '  Mochi Usagi ',
      artist_href: 'https://www.pixiv.net/en/users/1',
      source_url: 'https://www.pixiv.net/en/artworks/2',
      dimensions: { width: 760, height: 1200 },
    });
    expect(artwork).toEqual({
      id: `nekos.best:${UUID}`,
      source: 'nekos.best',
      kind: 'image',
      category: 'waifu',
      url: `${base}/waifu/${UUID}.png`,
      previewUrl: `${base}/waifu/${UUID}.png`,
      width: 760,
      height: 1200,
      rating: 'safe',
      tags: [],
      anime: null,
      character: null,
      artist: { name: 'Mochi Usagi', url: 'https://www.pixiv.net/en/users/1' },
      sourceUrl: 'https://www.pixiv.net/en/artworks/2',
      colors: null,
    });
    expect(artworkSchema.safeParse(artwork).success).toBe(true);
  });

  it('maps a GIF item: kind from the extension, category from the URL, no artist', () => {
    const artwork = nekosBestItemToArtwork({
      url: `${base}/pat/${UUID}.gif`,
      anime_name: 'Sousou no Frieren',
    });
    expect(artwork).toMatchObject({
      kind: 'gif',
      category: 'pat',
      anime: 'Sousou no Frieren',
      artist: null,
      width: null,
      height: null,
    });
  });

  it('is deterministic', () => {
    const item = { url: `${base}/neko/${UUID}.png`, dimensions: { width: 1, height: 2 } };
    expect(nekosBestItemToArtwork(item)).toEqual(nekosBestItemToArtwork({ ...item }));
  });

  it.each([
    ['javascript:', 'javascript:alert(1)//neko/x.png'],
    ['data:', `data:image/png;base64,AAAA`],
    ['an unknown extension', `${base}/neko/${UUID}.svg`],
    ['an id with odd characters', `${base}/neko/${encodeURIComponent('<script>')}.png`],
    ['credentials in the URL', `https://user:pw@nekos.best/api/v2/neko/${UUID}.png`],
    ['a path without category', `https://nekos.best/${UUID}.png`],
  ])('drops an item whose own URL has %s', (_what, url) => {
    expect(nekosBestItemToArtwork({ url })).toBeNull();
  });

  it('nulls hostile links and cleans hostile text', () => {
    const artwork = nekosBestItemToArtwork({
      url: `${base}/neko/${UUID}.png`,
      artist_name: `evil\u001b[31m\nname${'x'.repeat(1000)}`,
      artist_href: 'javascript:alert(document.cookie)',
      source_url: 'file:///etc/passwd',
      anime_name: 42,
      dimensions: { width: -5, height: 'tall' },
    });
    expect(artwork?.artist?.url).toBeNull();
    expect(artwork?.sourceUrl).toBeNull();
    expect(artwork?.anime).toBeNull();
    expect(artwork?.width).toBeNull();
    expect(artwork?.height).toBeNull();
    const name = artwork?.artist?.name ?? '';
    expect(Array.from(name, (char) => char.charCodeAt(0)).every((code) => code >= 0x20)).toBe(true);
    expect(name.startsWith('evil [31m name')).toBe(true);
    expect(name.length).toBeLessThanOrEqual(300);
  });
});
