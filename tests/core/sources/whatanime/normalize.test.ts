import { describe, expect, it } from 'vitest';
import { isNekodeskError } from '../../../../main/core/errors';
import {
  normalizeApiKeys,
  normalizeCreatedApiKey,
  normalizeCredits,
  normalizeRankings,
  normalizeRecent,
  normalizeSearch,
} from '../../../../main/core/sources/whatanime/normalize';
import { useNekodeskHome } from '../helpers';

function thrown(work: () => unknown): { code: string; message: string } {
  try {
    work();
  } catch (error) {
    if (isNekodeskError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected an error');
}

const traceMoeLike = {
  anilist: {
    id: 154587,
    idMal: 52991,
    title: {
      native: '葬送のフリーレン',
      romaji: 'Sousou no Frieren',
      english: "Frieren: Beyond Journey's End",
    },
    synonyms: [],
    isAdult: false,
    somethingNew: true,
  },
  filename: '[Fake] Sousou no Frieren - 05.mkv',
  episode: 5,
  duration: 1440.5,
  from: 752.25,
  at: 754.0,
  to: 755.92,
  similarity: 0.9621,
  video: 'https://cdn.example/v.mp4',
  image: 'https://cdn.example/i.jpg',
};

describe('whatanimeisthis.com response normalisation', () => {
  useNekodeskHome();

  it('reads the trace.moe-like search answer', () => {
    const result = normalizeSearch({
      frameCount: 1,
      error: '',
      result: [traceMoeLike],
      quota: { remaining: 4, limit: 5 },
      extra: 1,
    });
    expect(result).toEqual({
      candidates: [
        {
          title: 'Sousou no Frieren',
          titleNative: '葬送のフリーレン',
          titleEnglish: "Frieren: Beyond Journey's End",
          anilistId: 154587,
          episode: 5,
          from: 752.25,
          at: 754,
          to: 755.92,
          similarity: 0.9621,
          isAdult: false,
          previewImage: 'https://cdn.example/i.jpg',
          previewVideo: 'https://cdn.example/v.mp4',
          fileName: '[Fake] Sousou no Frieren - 05.mkv',
        },
      ],
      quota: { remaining: 4, limit: 5 },
    });
  });

  it('accepts results, a flat title, anilist as a number and similarity in percent; sorts best first', () => {
    const result = normalizeSearch({
      results: [
        { anilist: 21, title: 'One Piece', episode: '1-2', at: '83.5', similarity: 71.2 },
        { anilist: 2929, title: 'Moonlight Mile', episode: [3, 4], from: 10, similarity: 97 },
      ],
    });
    expect(result.candidates.map((c) => [c.title, c.anilistId, c.similarity, c.episode, c.at])).toEqual([
      ['Moonlight Mile', 2929, 0.97, '3–4', 10],
      ['One Piece', 21, 0.712, '1-2', 83.5],
    ]);
    expect(result.quota).toBeNull();
  });

  it('keeps at most 5 candidates and marks nothing as adult unless told', () => {
    const many = Array.from({ length: 7 }, (_, i) => ({ ...traceMoeLike, similarity: 0.5 + i / 100 }));
    const result = normalizeSearch({ result: many });
    expect(result.candidates).toHaveLength(5);
    expect(result.candidates[0]?.similarity).toBe(0.56);
  });

  it('nulls hostile preview links', () => {
    const result = normalizeSearch({
      result: [{ ...traceMoeLike, image: 'javascript:alert(1)', video: 42 }],
    });
    expect(result.candidates[0]).toMatchObject({ previewImage: null, previewVideo: null });
  });

  it.each([
    ['the result list', {}, /"result"/],
    ['a similarity', { result: [{ ...traceMoeLike, similarity: undefined }] }, /"result\[0\]\.similarity"/],
    [
      'a similarity in range',
      { result: [{ ...traceMoeLike, similarity: 250 }] },
      /"result\[0\]\.similarity"/,
    ],
    ['a title', { result: [{ ...traceMoeLike, anilist: 154587 }] }, /"result\[0\]\.anilist\.title"/],
    ['a timestamp', { result: [{ ...traceMoeLike, at: undefined, from: undefined }] }, /"result\[0\]\.at"/],
  ])('fails with invalid_response naming a missing %s', (_what, body, message) => {
    const error = thrown(() => normalizeSearch(body));
    expect(error.code).toBe('invalid_response');
    expect(error.message).toMatch(message);
  });

  it("passes on the service's own error when there is no result", () => {
    expect(thrown(() => normalizeSearch({ error: 'Search queue is full', result: undefined }))).toEqual({
      code: 'upstream_error',
      message: 'whatanimeisthis.com: Search queue is full',
    });
  });

  it('reads rankings in the documented shape and in variants', () => {
    expect(
      normalizeRankings({
        period: 'daily',
        rankings: [
          {
            rank: 1,
            anilistId: 5,
            title: 'A',
            titleNative: 'あ',
            count: 9,
            isAdult: false,
            coverImage: 'https://c/1.jpg',
          },
        ],
      }),
    ).toEqual([
      {
        rank: 1,
        anilistId: 5,
        title: 'A',
        titleNative: 'あ',
        count: 9,
        isAdult: false,
        coverImage: 'https://c/1.jpg',
      },
    ]);
    expect(
      normalizeRankings([
        {
          anilist: { id: 7, title: { romaji: 'B', native: 'び' } },
          searches: 3,
          coverImage: { large: 'https://c/2.jpg' },
        },
      ]),
    ).toEqual([
      {
        rank: 1,
        anilistId: 7,
        title: 'B',
        titleNative: 'び',
        count: 3,
        isAdult: false,
        coverImage: 'https://c/2.jpg',
      },
    ]);
    expect(thrown(() => normalizeRankings({ rankings: [{ rank: 1 }] })).message).toMatch(
      /"rankings\[0\]\.title"/,
    );
    expect(thrown(() => normalizeRankings({ nothing: true })).message).toMatch(/"rankings"/);
  });

  it('reads recent searches, using the requested paging when the answer omits it', () => {
    const result = normalizeRecent(
      {
        results: [
          { id: 12, title: 'A', episode: null, at: 61, similarity: 98.5, createdAt: '2026-01-01T00:00:00Z' },
        ],
      },
      { limit: 5, offset: 10 },
    );
    expect(result).toEqual({
      items: [
        {
          id: '12',
          title: 'A',
          episode: null,
          at: 61,
          similarity: 0.985,
          image: null,
          createdAt: '2026-01-01T00:00:00Z',
        },
      ],
      total: null,
      limit: 5,
      offset: 10,
    });
  });

  it('reads credits and requires the credit count', () => {
    expect(
      normalizeCredits({
        credits: 3,
        dailyFreeCredits: 10,
        dailyFreeRemaining: 0,
        resetsAt: '2026-01-02T00:00:00Z',
      }),
    ).toEqual({
      credits: 3,
      dailyFreeCredits: 10,
      dailyFreeRemaining: 0,
      resetsAt: '2026-01-02T00:00:00Z',
    });
    expect(normalizeCredits({ credits: '7' })).toEqual({
      credits: 7,
      dailyFreeCredits: null,
      dailyFreeRemaining: null,
      resetsAt: null,
    });
    expect(thrown(() => normalizeCredits({ remaining: 3 })).message).toMatch(/"credits"/);
  });

  it('reads API keys and never loses the created key', () => {
    expect(
      normalizeApiKeys({
        items: [{ id: 'k1', title: 'a', prefix: 'wa_1', createdAt: 'x', lastUsedAt: null }],
        page: 1,
        pageSize: 10,
        total: 1,
      }),
    ).toEqual({
      items: [{ id: 'k1', title: 'a', prefix: 'wa_1', createdAt: 'x', lastUsedAt: null }],
      page: 1,
      pageSize: 10,
      total: 1,
    });
    expect(normalizeCreatedApiKey({ apiKey: { id: 2, name: 'b', key: 'wa_secret', start: 'wa_s' } })).toEqual(
      {
        id: '2',
        title: 'b',
        key: 'wa_secret',
        prefix: 'wa_s',
        createdAt: null,
      },
    );
    expect(thrown(() => normalizeCreatedApiKey({ id: 'k', title: 't' })).message).toMatch(/"key"/);
  });
});
