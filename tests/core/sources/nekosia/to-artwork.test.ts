import { describe, expect, it } from 'vitest';
import { imageSchema } from '../../../../main/core/sources/nekosia/schemas';
import { nekosiaImageToArtwork } from '../../../../main/core/sources/nekosia/to-artwork';
import { useNekodeskHome } from '../helpers';

const context = { rating: 'safe', category: 'catgirl' } as const;

function item(overrides: Record<string, unknown> = {}): ReturnType<typeof imageSchema.parse> {
  return imageSchema.parse({
    id: '66a77347a4b979c761eb0cde',
    colors: { main: '#E7C9CF', palette: ['#E8DFE7', '#433740', 'red'] },
    image: {
      original: {
        url: 'https://cdn.nekosia.cat/images/catgirl/66a77347a4b979c761eb0cde.png',
        extension: 'png',
      },
      compressed: {
        url: 'https://cdn.nekosia.cat/images/catgirl/66a77347a4b979c761eb0cde-compressed.jpg',
        extension: 'jpeg',
      },
    },
    metadata: { original: { width: 1536, height: 2304 }, compressed: { width: 1280, height: 1920 } },
    category: 'catgirl',
    tags: ['catgirl', 'cat-ears', 'catgirl', ' tail '],
    rating: 'safe',
    anime: { title: 'Sousou no Frieren', character: 'Frieren' },
    source: { url: 'https://www.pixiv.net/en/artworks/1', direct: 'https://i.pximg.net/x.png' },
    attribution: {
      artist: { username: 'AutoINS', profile: 'https://www.pixiv.net/en/users/2' },
      copyright: '©',
    },
    ...overrides,
  });
}

describe('nekosiaImageToArtwork', () => {
  useNekodeskHome();

  it('maps every documented field', () => {
    expect(nekosiaImageToArtwork(item(), context)).toEqual({
      id: 'nekosia:66a77347a4b979c761eb0cde',
      source: 'nekosia',
      kind: 'image',
      category: 'catgirl',
      url: 'https://cdn.nekosia.cat/images/catgirl/66a77347a4b979c761eb0cde.png',
      previewUrl: 'https://cdn.nekosia.cat/images/catgirl/66a77347a4b979c761eb0cde-compressed.jpg',
      width: 1536,
      height: 2304,
      rating: 'safe',
      tags: ['catgirl', 'cat-ears', 'tail'],
      anime: 'Sousou no Frieren',
      character: 'Frieren',
      artist: { name: 'AutoINS', url: 'https://www.pixiv.net/en/users/2' },
      sourceUrl: 'https://www.pixiv.net/en/artworks/1',
      colors: { main: '#e7c9cf', palette: ['#e8dfe7', '#433740'] },
    });
  });

  it('drops images with a bad id, a non-http original or an unknown rating', () => {
    expect(nekosiaImageToArtwork(item({ id: '<img onerror=x>' }), context)).toBeNull();
    expect(
      nekosiaImageToArtwork(item({ image: { original: { url: 'javascript:alert(1)' } } }), context),
    ).toBeNull();
    expect(nekosiaImageToArtwork(item({ rating: 'explicit' }), context)).toBeNull();
  });

  it('assumes the requested rating when the image does not say (old responses)', () => {
    expect(
      nekosiaImageToArtwork(item({ rating: null }), { rating: 'suggestive', category: 'x' })?.rating,
    ).toBe('suggestive');
  });

  it('nulls hostile links and falls back to the original for the preview', () => {
    const artwork = nekosiaImageToArtwork(
      item({
        image: {
          original: { url: 'https://cdn.example/a.gif', extension: 'gif' },
          compressed: { url: 'data:image/png;base64,AA' },
        },
        source: { url: 'javascript:alert(1)' },
        attribution: { artist: { username: null, profile: 'vbscript:msgbox' } },
        anime: 'not an object',
        colors: 'pink',
        metadata: { original: { width: 0, height: 10 } },
      }),
      context,
    );
    expect(artwork).toMatchObject({
      kind: 'gif',
      previewUrl: 'https://cdn.example/a.gif',
      sourceUrl: null,
      artist: null,
      anime: null,
      character: null,
      colors: null,
      width: null,
      height: null,
    });
  });

  it('reads the old list form of colors', () => {
    expect(nekosiaImageToArtwork(item({ colors: ['#112233', 'nope', '#AABBCC'] }), context)?.colors).toEqual({
      main: '#112233',
      palette: ['#112233', '#aabbcc'],
    });
  });

  it('uses the requested category when the image has none', () => {
    expect(nekosiaImageToArtwork(item({ category: undefined }), context)?.category).toBe('catgirl');
  });
});
