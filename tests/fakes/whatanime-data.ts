// What the whatanimeisthis.com fake knows: a few anime (AniList ids), rankings and recent searches.

export interface AnimeEntry {
  id: number;
  idMal: number | null;
  native: string;
  romaji: string;
  english: string | null;
  synonyms: string[];
  isAdult: boolean;
  /** null for a film (no episode numbers). */
  episodes: number | null;
  popularity: number;
}

export const ANIME: AnimeEntry[] = [
  {
    id: 154587,
    idMal: 52991,
    native: '葬送のフリーレン',
    romaji: 'Sousou no Frieren',
    english: "Frieren: Beyond Journey's End",
    synonyms: ['Frieren'],
    isAdult: false,
    episodes: 28,
    popularity: 98,
  },
  {
    id: 140960,
    idMal: 50265,
    native: 'SPY×FAMILY',
    romaji: 'SPY×FAMILY',
    english: 'SPY x FAMILY',
    synonyms: [],
    isAdult: false,
    episodes: 12,
    popularity: 80,
  },
  {
    id: 130003,
    idMal: 47917,
    native: 'ぼっち・ざ・ろっく！',
    romaji: 'Bocchi the Rock!',
    english: 'BOCCHI THE ROCK!',
    synonyms: ['Bocchi'],
    isAdult: false,
    episodes: 12,
    popularity: 91,
  },
  {
    id: 105914,
    idMal: 38759,
    native: '世話やきキツネの仙狐さん',
    romaji: 'Sewayaki Kitsune no Senko-san',
    english: 'The Helpful Fox Senko-san',
    synonyms: [],
    isAdult: false,
    episodes: 12,
    popularity: 40,
  },
  {
    id: 98444,
    idMal: 34798,
    native: 'ゆるキャン△',
    romaji: 'Yuru Camp△',
    english: 'Laid-Back Camp',
    synonyms: ['Yurucamp'],
    isAdult: false,
    episodes: 12,
    popularity: 55,
  },
  {
    id: 21519,
    idMal: 32281,
    native: '君の名は。',
    romaji: 'Kimi no Na wa.',
    english: 'Your Name.',
    synonyms: [],
    isAdult: false,
    episodes: null,
    popularity: 70,
  },
  {
    id: 101921,
    idMal: 37999,
    native: 'かぐや様は告らせたい～天才たちの恋愛頭脳戦～',
    romaji: 'Kaguya-sama wa Kokurasetai: Tensai-tachi no Renai Zunousen',
    english: null,
    synonyms: ['Kaguya-sama: Love is War'],
    isAdult: false,
    episodes: 12,
    popularity: 66,
  },
  {
    id: 990001,
    idMal: null,
    native: '夜の猫カフェ',
    romaji: 'Yoru no Neko Cafe',
    english: null,
    synonyms: [],
    isAdult: true,
    episodes: 2,
    popularity: 60,
  },
  {
    id: 990002,
    idMal: null,
    native: '秘密の狐',
    romaji: 'Himitsu no Kitsune',
    english: 'Secret Fox',
    synonyms: [],
    isAdult: true,
    episodes: 4,
    popularity: 30,
  },
];

export const PERIODS = ['daily', 'weekly', 'monthly', 'yearly', 'all'] as const;
export type Period = (typeof PERIODS)[number];
const PERIOD_FACTOR: Record<Period, number> = { daily: 1, weekly: 6, monthly: 25, yearly: 290, all: 1000 };

export function rankingCount(entry: AnimeEntry, period: Period): number {
  return entry.popularity * PERIOD_FACTOR[period] + (entry.id % 7);
}

export function displayTitle(entry: AnimeEntry): string {
  return entry.english ?? entry.romaji;
}
