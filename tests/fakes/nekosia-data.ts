// The Nekosia catalogue the fake serves: invented images over the documented categories and tags.
import { createHash } from 'node:crypto';
import { colorFor, encodeJpeg, encodePng, hexToRgb, rgbToHex } from './image-bytes';

export interface NekosiaImage {
  id: string;
  category: string;
  tags: string[];
  rating: 'safe' | 'suggestive';
  colors: { main: string; palette: string[] };
  anime: { title: string | null; character: string | null };
  source: { url: string | null; direct: string | null };
  attribution: { artist: { username: string | null; profile: string | null }; copyright: string | null };
  original: { width: number; height: number; bytes: Buffer };
  compressed: { width: number; height: number; bytes: Buffer };
}

/** Documented categories (each image has one of them as its main category). */
export const NEKOSIA_CATEGORIES = [
  ...['catgirl', 'foxgirl', 'wolfgirl', 'animal-ears', 'tail', 'tail-with-ribbon', 'tail-from-under-skirt'],
  ...['cute', 'cuteness-is-justice', 'blue-archive', 'girl', 'young-girl', 'maid', 'maid-uniform', 'vtuber'],
  ...['w-sitting', 'lying-down', 'hands-forming-a-heart', 'wink', 'valentine', 'headphones'],
  ...['thigh-high-socks', 'knee-high-socks', 'white-tights', 'black-tights', 'heterochromia', 'uniform'],
  ...['sailor-uniform', 'hoodie', 'ribbon', 'white-hair', 'blue-hair', 'long-hair', 'blonde', 'blue-eyes'],
  'purple-eyes',
];

/** Tags that the per-category safety filters always exclude; only `nothing` can return them. */
export const FILTERED_TAGS = ['swimsuit', 'bikini'];

const EXTRA_TAGS = ['cat-ears', 'fox-ears', 'wolf-ears', 'dog-ears', 'short-hair', 'sad', 'smile', 'thighs'];

const ANIME: { title: string; character: string | null }[] = [
  { title: 'Sousou no Frieren', character: 'Frieren' },
  { title: 'Blue Archive', character: 'Shiroko' },
  { title: 'Sewayaki Kitsune no Senko-san', character: 'Senko' },
  { title: '葬送のフリーレン', character: 'フェルン' },
  { title: 'Spy x Family', character: null },
];

const ARTISTS: { username: string | null; profile: string | null }[] = [
  { username: 'Mochi Usagi', profile: 'https://www.pixiv.net/en/users/52000001' },
  { username: '月見里あおい', profile: 'https://www.pixiv.net/en/users/52000002' },
  { username: 'pixelpaws', profile: 'https://twitter.com/pixelpaws' },
  { username: 'anon', profile: null },
  { username: null, profile: null },
];

const IMAGE_COUNT = 48;

function hash(seed: string): Buffer {
  return createHash('sha1').update(seed).digest();
}

function build(): NekosiaImage[] {
  const images: NekosiaImage[] = [];
  for (let i = 0; i < IMAGE_COUNT; i++) {
    const h = hash(`nekosia-${i}`);
    const id = h.toString('hex').slice(0, 24); // looks like a MongoDB ObjectId
    const category = NEKOSIA_CATEGORIES[i % NEKOSIA_CATEGORIES.length]!;
    const extra = [0, 1, 2].map((k) => EXTRA_TAGS[h[k]! % EXTRA_TAGS.length]!);
    const tags = [category, ...extra];
    if (i % 4 === 1) tags.push('catgirl', 'cat-ears', 'animal-ears');
    if (i % 6 === 2) tags.push('white-hair');
    const filtered = i === 40 || i === 45;
    if (filtered) tags.push('swimsuit');
    const rating = filtered || i % 5 === 3 ? 'suggestive' : 'safe';
    const main = rgbToHex(colorFor(id));
    const palette = Array.from({ length: 14 }, (_, k) => rgbToHex(colorFor(`${id}-${k}`)));
    const anime = i % 3 === 0 ? { title: null, character: null } : ANIME[i % ANIME.length]!;
    const artist = ARTISTS[i % ARTISTS.length]!;
    const pixiv = 120000000 + i;
    const width = 180 + (h[5]! % 60);
    const height = Math.round(width * 1.5);
    images.push({
      id,
      category,
      tags: [...new Set(tags)],
      rating,
      colors: { main, palette },
      anime,
      source:
        i % 7 === 5
          ? { url: null, direct: null }
          : {
              url: `https://www.pixiv.net/en/artworks/${pixiv}`,
              direct: i % 2 === 0 ? null : `https://i.pximg.net/img-original/img/${pixiv}_p0.png`,
            },
      attribution: {
        artist,
        copyright: artist.username ? `Copyright 2024 © by ${artist.username}. All Rights Reserved.` : null,
      },
      original: { width, height, bytes: encodePng(width, height, hexToRgb(main)) },
      compressed: {
        width: Math.round(width * 0.75),
        height: Math.round(height * 0.75),
        bytes: encodeJpeg(Math.round(width * 0.75), Math.round(height * 0.75), hexToRgb(main)),
      },
    });
  }
  return images;
}

let cache: NekosiaImage[] | undefined;
export function nekosiaImages(): readonly NekosiaImage[] {
  cache ??= build();
  return cache;
}
