/**
 * The identification calls for the renderer's fake API, behaving like main's IdentifyService on a small scale:
 * identifications join a local history (newest first), deletions answer the first page left, rankings and
 * recent searches page through fixed lists, the account moves between guest, API key and session, and the key
 * itself never comes back (only its masked form). Tests override single handlers for errors and slow answers.
 */
import { NekodeskError } from '../../../main/core/errors';
import type {
  CallChannel,
  CallResponse,
  IdentifyAccount,
  IdentifyCandidate,
  IdentifyRanking,
  IdentifyRecentItem,
  IdentifyResult,
  ParsedCallRequest,
} from '../../../preload/contract';

export type IdentifyChannel = Extract<CallChannel, `identify:${string}`>;

export type IdentifyHandlers = {
  [C in IdentifyChannel]: (request: ParsedCallRequest<C>) => Promise<CallResponse<C>> | CallResponse<C>;
};

export const FAKE_PASSWORD = 'correct horse battery';
export const FAKE_EMAIL = 'neko@example.com';
/** The first page main answers after a deletion (main/identify-handlers.ts HISTORY_FIRST_PAGE). */
const FIRST_PAGE = 20;

let candidateCount = 0;

/** A likely candidate unless the test says otherwise; preview URLs are cache URLs, as main gives them. */
export function fakeCandidate(overrides: Partial<IdentifyCandidate> = {}): IdentifyCandidate {
  candidateCount += 1;
  const similarity = overrides.similarity ?? 0.9621;
  return {
    title: 'Sousou no Frieren',
    titleNative: '葬送のフリーレン',
    titleEnglish: "Frieren: Beyond Journey's End",
    anilistId: 154587,
    episode: 5,
    from: 743.25,
    at: 745.0,
    to: 748.92,
    similarity,
    likely: similarity >= 0.87,
    isAdult: false,
    imageUrl: `nekodesk://cache/i/${String(candidateCount).padStart(32, 'a')}.jpg`,
    videoUrl: null,
    link: 'https://anilist.co/anime/154587',
    ...overrides,
  };
}

/** Five candidates like the service's: two likely, three under 87%. */
export function fakeCandidates(): IdentifyCandidate[] {
  return [
    fakeCandidate(),
    fakeCandidate({
      title: 'Bocchi the Rock!',
      titleNative: 'ぼっち・ざ・ろっく！',
      titleEnglish: 'BOCCHI THE ROCK!',
      anilistId: 130003,
      episode: 8,
      from: 64,
      at: 65.5,
      to: 67,
      similarity: 0.9105,
      link: 'https://anilist.co/anime/130003',
    }),
    fakeCandidate({
      title: 'SPY×FAMILY',
      titleNative: 'SPY×FAMILY',
      titleEnglish: 'SPY x FAMILY',
      anilistId: 140960,
      episode: 'OVA',
      from: null,
      at: 3725,
      to: null,
      similarity: 0.8612,
      imageUrl: null,
      link: null,
    }),
    fakeCandidate({ title: 'Kimi no Na wa.', episode: null, similarity: 0.8233, titleEnglish: 'Your Name.' }),
    fakeCandidate({
      title: 'Yuru Camp△',
      episode: 3,
      similarity: 0.7948,
      titleNative: null,
      titleEnglish: null,
    }),
  ];
}

let resultCount = 0;

export function fakeResult(overrides: Partial<IdentifyResult> = {}): IdentifyResult {
  resultCount += 1;
  return {
    id: `result-${resultCount}`,
    at: Date.now(),
    source: 'drop',
    label: 'frame.png',
    candidates: fakeCandidates(),
    quota: { remaining: 4, limit: 5 },
    upload: { originalBytes: 4_200_000, bytes: 123_456, width: 1280, height: 720, cropped: true },
    imageUrl: `nekodesk://cache/i/${String(resultCount).padStart(32, 'b')}.jpg`,
    ...overrides,
  };
}

export const RANKED_TITLES = Array.from({ length: 45 }, (_, index) => `Ranked anime ${index + 1}`);

function ranking(rank: number): IdentifyRanking {
  return {
    rank,
    title: RANKED_TITLES[rank - 1] ?? `Ranked anime ${rank}`,
    titleNative: null,
    count: 1000 - rank * 10,
    isAdult: false,
    coverUrl: `nekodesk://cache/i/${String(rank).padStart(32, 'c')}.jpg`,
    link: `https://anilist.co/anime/${rank}`,
  };
}

export const RECENT_COUNT = 30;

function recentItem(index: number): IdentifyRecentItem {
  return {
    id: `recent-${index}`,
    title: `Recent anime ${index + 1}`,
    episode: index % 12,
    at: 90 + index,
    similarity: 0.95,
    imageUrl: null,
    createdAt: new Date(Date.now() - index * 60_000).toISOString(),
  };
}

export function createIdentifyHandlers(): IdentifyHandlers {
  let history: IdentifyResult[] = [];
  let account: IdentifyAccount = {
    kind: 'guest',
    maskedKey: null,
    email: null,
    quota: null,
    secureStorage: true,
  };
  const apiKeys: CallResponse<'identify:api-keys'>['items'] = [
    { id: 'key_0001', title: 'default', prefix: 'wa_fake', createdAt: null, lastUsedAt: null },
  ];
  const mask = (key: string): string => `${key.slice(0, 3)}…${key.slice(-4)}`;
  const keep = (result: IdentifyResult): IdentifyResult => {
    history = [result, ...history];
    account = { ...account, quota: result.quota };
    return result;
  };
  const firstPage = () => ({ items: history.slice(0, FIRST_PAGE), total: history.length });
  const needsSession = (): void => {
    if (account.kind !== 'session')
      throw new NekodeskError('unauthorized', 'Sign in to whatanimeisthis.com first.');
  };

  return {
    'identify:image': ({ data, name, source }) =>
      keep(
        fakeResult({
          label: name,
          source,
          upload: {
            originalBytes: data.byteLength,
            bytes: Math.min(data.byteLength, 123_456),
            width: 1280,
            height: 720,
            cropped: true,
          },
        }),
      ),
    'identify:url': ({ url }) =>
      keep(fakeResult({ label: url, source: 'url', upload: null, imageUrl: null })),
    'identify:clipboard': () => keep(fakeResult({ label: 'Clipboard image', source: 'clipboard' })),
    // Main hides the window for the overlay; here the person always cancels.
    'identify:capture': () => null,
    'identify:history': ({ offset, limit }) => ({
      items: history.slice(offset, offset + limit),
      total: history.length,
    }),
    'identify:delete-history': ({ id }) => {
      history = id === undefined ? [] : history.filter((entry) => entry.id !== id);
      return firstPage();
    },
    'identify:rankings': ({ period, offset, limit }) => ({
      period,
      items: RANKED_TITLES.slice(offset, offset + limit).map((_, index) => ranking(offset + index + 1)),
      offset,
      total: RANKED_TITLES.length,
      hiddenAdult: 2,
    }),
    'identify:recent': ({ offset, limit }) => ({
      items: Array.from({ length: Math.max(0, Math.min(limit, RECENT_COUNT - offset)) }, (_, index) =>
        recentItem(offset + index),
      ),
      offset,
      limit,
      total: RECENT_COUNT,
    }),
    'identify:account': () => structuredClone(account),
    'identify:set-api-key': ({ key }) => {
      account = { ...account, kind: 'api-key', maskedKey: mask(key) };
      return structuredClone(account);
    },
    'identify:sign-in': ({ email, password }) => {
      if (email !== FAKE_EMAIL || password !== FAKE_PASSWORD) {
        throw new NekodeskError(
          'unauthorized',
          'whatanimeisthis.com did not accept that email and password.',
        );
      }
      account = { ...account, kind: 'session', email };
      return structuredClone(account);
    },
    'identify:sign-out': () => {
      account = { ...account, kind: 'guest', maskedKey: null, email: null };
      return structuredClone(account);
    },
    'identify:credits': () => {
      needsSession();
      return { credits: 20, dailyFreeCredits: 10, dailyFreeRemaining: 7, resetsAt: null };
    },
    'identify:api-keys': ({ page }) => {
      needsSession();
      return { items: page === 1 ? structuredClone(apiKeys) : [], page, pageSize: 10, total: apiKeys.length };
    },
    'identify:create-api-key': ({ title }) => {
      needsSession();
      const id = `key_${String(apiKeys.length + 1).padStart(4, '0')}`;
      apiKeys.push({ id, title, prefix: 'wa_new0', createdAt: new Date().toISOString(), lastUsedAt: null });
      account = { ...account, maskedKey: 'wa_…9f3c' };
      return structuredClone(account);
    },
  };
}
