// The nekos.best catalogue the fake serves: our own invented items over the real category names.
import { createHash } from 'node:crypto';

export type NekosFormat = 'png' | 'gif';

export interface NekosItem {
  id: string; // uuid
  category: string;
  format: NekosFormat;
  width: number;
  height: number;
  animeName?: string;
  artistName?: string;
  artistHref?: string;
  sourceUrl?: string;
}

export const IMAGE_CATEGORIES = ['neko', 'waifu', 'husbando', 'kitsune'];

export const GIF_CATEGORIES = [
  // documented
  ...['angry', 'baka', 'bite', 'blush', 'bonk', 'bored', 'cry', 'cuddle', 'dance', 'facepalm', 'feed'],
  ...['handhold', 'handshake', 'happy', 'highfive', 'hug', 'kick', 'kiss', 'laugh', 'lurk', 'nod', 'nom'],
  ...['nope', 'pat', 'peck', 'poke', 'pout', 'punch', 'run', 'shoot', 'shrug', 'slap', 'sleep', 'smile'],
  ...['smug', 'stare', 'tableflip', 'think', 'thumbsup', 'tickle', 'wave', 'wink', 'yawn', 'yeet'],
  // added since the document was written
  ...['clap', 'confused', 'sip', 'wag', 'teehee', 'shocked', 'bleh', 'nya', 'carry', 'kabedon', 'spin'],
  ...['shake', 'lappillow', 'blowkiss', 'salute'],
];

export const ANIME_NAMES = [
  'Sousou no Frieren',
  '葬送のフリーレン',
  'Spy x Family',
  'Kaguya-sama: Love Is War',
  'Sewayaki Kitsune no Senko-san',
  'Bocchi the Rock!',
  'Cats & Crowns: 100% Nyan', // spaces, ampersand, percent: must arrive URL-encoded in headers
  'Toradora!',
  'ぼっち・ざ・ろっく！',
  'Yuru Camp△',
  'Oshi no Ko',
];

const ARTISTS: { name: string; href: string; source: (n: number) => string }[] = [
  {
    name: 'Mochi Usagi',
    href: 'https://www.pixiv.net/en/users/41000001',
    source: (n) => `https://www.pixiv.net/en/artworks/${110000000 + n}`,
  },
  {
    name: '月見里あおい',
    href: 'https://www.pixiv.net/en/users/41000002',
    source: (n) => `https://www.pixiv.net/en/artworks/${111000000 + n}`,
  },
  {
    name: 'Salt & Pepper Atelier',
    href: 'https://twitter.com/saltpepper_art',
    source: (n) => `https://twitter.com/saltpepper_art/status/${1700000000000000000n + BigInt(n)}`,
  },
  {
    name: 'pixelpaws',
    href: 'https://twitter.com/pixelpaws',
    source: (n) => `https://twitter.com/pixelpaws/status/${1710000000000000000n + BigInt(n)}`,
  },
  {
    name: 'ねこまる',
    href: 'https://www.pixiv.net/en/users/41000005',
    source: (n) => `https://www.pixiv.net/en/artworks/${112000000 + n}`,
  },
  {
    name: 'Akari Mizuno',
    href: 'https://www.pixiv.net/en/users/41000006',
    source: (n) => `https://www.pixiv.net/en/artworks/${113000000 + n}`,
  },
];

function hashBytes(seed: string): Buffer {
  return createHash('sha1').update(seed).digest();
}

export function uuidFor(seed: string): string {
  const h = hashBytes(seed).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function pick<T>(list: readonly T[], seed: string): T {
  return list[hashBytes(seed).readUInt32BE(0) % list.length]!;
}

const IMAGE_ITEMS_PER_CATEGORY = 12;
const GIF_ITEMS_PER_CATEGORY = 5;

function buildItems(): NekosItem[] {
  const items: NekosItem[] = [];
  let n = 0;
  for (const category of IMAGE_CATEGORIES) {
    for (let i = 0; i < IMAGE_ITEMS_PER_CATEGORY; i++) {
      const seed = `${category}-${i}`;
      const artist = ARTISTS[(i + category.length) % ARTISTS.length]!;
      const landscape = i % 5 === 4; // most art is portrait
      const base = 200 + (hashBytes(seed).readUInt16BE(2) % 120);
      items.push({
        id: uuidFor(seed),
        category,
        format: 'png',
        width: landscape ? Math.round(base * 1.6) : base,
        height: landscape ? base : Math.round(base * 1.48),
        artistName: artist.name,
        artistHref: artist.href,
        sourceUrl: artist.source(++n),
      });
    }
  }
  for (const category of GIF_CATEGORIES) {
    for (let i = 0; i < GIF_ITEMS_PER_CATEGORY; i++) {
      const seed = `${category}-${i}`;
      const width = 160 + (hashBytes(seed).readUInt16BE(2) % 80);
      items.push({
        id: uuidFor(seed),
        category,
        format: 'gif',
        width,
        height: Math.round(width * 0.5625),
        animeName:
          i === 0
            ? ANIME_NAMES[GIF_CATEGORIES.indexOf(category) % ANIME_NAMES.length]!
            : pick(ANIME_NAMES, seed),
      });
    }
  }
  return items;
}

export const NEKOS_ITEMS: readonly NekosItem[] = buildItems();

/** The order /endpoints lists categories in: stable, but not alphabetical and not grouped by format. */
export const ENDPOINT_ORDER: readonly string[] = [...IMAGE_CATEGORIES, ...GIF_CATEGORIES]
  .map((name) => ({ name, key: hashBytes(`order-${name}`).readUInt32BE(0) }))
  .sort((a, b) => a.key - b.key)
  .map((e) => e.name);
