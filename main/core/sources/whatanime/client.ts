import { z } from 'zod';
import { NekodeskError } from '../../errors';
import type { HttpTransport, RequestOptions } from '../../http/types';
import { cleanText } from '../shared/sanitize';
import { intInRange, invalidInput } from '../shared/validate';
import { guestAuth, type WhatAnimeAuthProvider, type WhatAnimeCredentials } from './auth';
import { authKindOf, mapWhatAnimeError } from './errors';
import { searchForm, type WhatAnimeSearchInput } from './search-form';
import {
  missingField,
  normalizeApiKeys,
  normalizeCreatedApiKey,
  normalizeCredits,
  normalizeRankings,
  normalizeRecent,
  normalizeSearch,
} from './normalize';
import { signInSchema } from './schemas';
import { sessionCookieFrom } from './session-cookie';
import {
  RANKING_PERIODS,
  type RankingPeriod,
  type WhatAnimeApiKeyPage,
  type WhatAnimeCreatedApiKey,
  type WhatAnimeCredits,
  type WhatAnimeRankings,
  type WhatAnimeRecentSearches,
  type WhatAnimeSearchResult,
  type WhatAnimeSession,
} from './types';

export type { WhatAnimeSearchInput } from './search-form';

export interface CallOptions {
  signal?: AbortSignal;
}

/** Every answer is read as unknown JSON and normalised here (normalize.ts), never trusted as is. */
const anyJson = z.unknown();
/** A search uploads an image and waits for the match: it gets longer than other requests. */
export const DEFAULT_SEARCH_TIMEOUT_MS = 60_000;

export interface WhatAnimeClientOptions {
  /** Per attempt, for searches only. Default one minute. */
  searchTimeoutMs?: number;
}

/** whatanimeisthis.com: which anime, episode and moment a screenshot is from (specs/whatanimeisthis.md). */
export class WhatAnimeClient {
  readonly #http: HttpTransport;
  readonly #origin: string;
  readonly #auth: WhatAnimeAuthProvider;
  readonly #searchTimeoutMs: number;

  /** `origin` is the site's origin, e.g. https://whatanimeisthis.com. */
  constructor(
    http: HttpTransport,
    origin: string,
    auth: WhatAnimeAuthProvider = guestAuth,
    options: WhatAnimeClientOptions = {},
  ) {
    this.#http = http;
    this.#origin = origin.replace(/\/+$/, '');
    this.#auth = auth;
    this.#searchTimeoutMs = options.searchTimeoutMs ?? DEFAULT_SEARCH_TIMEOUT_MS;
  }

  /** Searches by an uploaded JPEG/PNG or by a public image URL (exactly one). Costs a credit or a guest search. */
  async search(input: WhatAnimeSearchInput, options: CallOptions = {}): Promise<WhatAnimeSearchResult> {
    const form = searchForm(input);
    const credentials = await this.#credentials();
    const data = await this.#call(
      '/api/anime/search',
      {
        // A guest's day-long pause at the quota must not hold back searches made after signing in.
        limiter: isGuest(credentials) ? 'whatanime:search:guest' : 'whatanime:search',
        method: 'POST',
        body: form,
        idempotent: false,
        timeoutMs: this.#searchTimeoutMs,
        headers: { origin: this.#origin, ...authHeaders(credentials, false) },
      },
      authKindOf(credentials, false),
      options,
    );
    return normalizeSearch(data);
  }

  /** The most searched anime of a period. No sign-in needed. */
  async rankings(
    params: { period?: RankingPeriod; limit?: number; includeAdult?: boolean } = {},
    options: CallOptions = {},
  ): Promise<WhatAnimeRankings> {
    const period = params.period ?? 'all';
    if (!RANKING_PERIODS.includes(period)) {
      throw invalidInput(`The period must be one of: ${RANKING_PERIODS.join(', ')}.`);
    }
    const query = new URLSearchParams({ period });
    if (params.limit !== undefined) query.set('limit', String(intInRange('limit', params.limit, 1, 100)));
    if (params.includeAdult === true) query.set('includeAdult', 'true');
    const data = await this.#call(
      `/api/anime/rankings?${query.toString()}`,
      { limiter: 'whatanime' },
      'guest',
      options,
    );
    const answered = (data as { period?: unknown } | null)?.period;
    return {
      period: RANKING_PERIODS.find((p) => p === answered) ?? period,
      rankings: normalizeRankings(data),
    };
  }

  /** Recently confirmed public searches. No sign-in needed. */
  async recentSearches(
    params: { limit?: number; offset?: number } = {},
    options: CallOptions = {},
  ): Promise<WhatAnimeRecentSearches> {
    const query = new URLSearchParams();
    if (params.limit !== undefined) query.set('limit', String(intInRange('limit', params.limit, 1, 100)));
    const offset = params.offset ?? 0;
    if (params.offset !== undefined) query.set('offset', String(intInRange('offset', offset, 0, 1_000_000)));
    const suffix = query.size > 0 ? `?${query.toString()}` : '';
    const data = await this.#call(
      `/api/anime/recent-searches${suffix}`,
      { limiter: 'whatanime' },
      'guest',
      options,
    );
    return normalizeRecent(data, { limit: params.limit ?? null, offset });
  }

  /** The signed-in user's credits. */
  async credits(options: CallOptions = {}): Promise<WhatAnimeCredits> {
    const data = await this.#sessionCall('/api/user/anime-credits', { limiter: 'whatanime' }, options);
    return normalizeCredits(data);
  }

  /** The signed-in user's API keys. */
  readonly apiKeys = {
    list: async (
      params: { page?: number; pageSize?: number } = {},
      options: CallOptions = {},
    ): Promise<WhatAnimeApiKeyPage> => {
      const page = intInRange('page', params.page ?? 1, 1, 1_000_000);
      const pageSize = intInRange('page size', params.pageSize ?? 10, 1, 100);
      const query = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
      const data = await this.#sessionCall(
        `/api/apikeys?${query.toString()}`,
        { limiter: 'whatanime' },
        options,
      );
      const result = normalizeApiKeys(data);
      return {
        items: result.items,
        page: result.page ?? page,
        pageSize: result.pageSize ?? pageSize,
        total: result.total,
      };
    },
    /** Creates a key; its plaintext is in the answer once and never again. */
    create: async (title: string, options: CallOptions = {}): Promise<WhatAnimeCreatedApiKey> => {
      const name = title.trim();
      if (name === '' || name.length > 100)
        throw invalidInput('Give the key a title of 1 to 100 characters.');
      const data = await this.#sessionCall(
        '/api/apikeys',
        {
          limiter: 'whatanime',
          method: 'POST',
          idempotent: false,
          body: JSON.stringify({ title: name }),
          headers: { 'content-type': 'application/json', origin: this.#origin },
        },
        options,
      );
      return normalizeCreatedApiKey(data);
    },
  };

  /** Signs in with email and password; the returned session cookie is a secret for the caller to keep. */
  async signIn(email: string, password: string, options: CallOptions = {}): Promise<WhatAnimeSession> {
    const address = email.trim();
    if (!/^[^\s@]+@[^\s@]+$/.test(address) || address.length > 254)
      throw invalidInput('Enter a valid email address.');
    if (password === '') throw invalidInput('Enter your password.');
    const response = await this.#http
      .json(`${this.#origin}/api/auth/sign-in/email`, anyJson, {
        limiter: 'whatanime',
        method: 'POST',
        idempotent: false,
        body: JSON.stringify({ email: address, password }),
        headers: { 'content-type': 'application/json', origin: this.#origin },
        ...signalOf(options),
      })
      .catch((error: unknown) => {
        throw signInError(error);
      });
    const cookie = sessionCookieFrom(response.headers);
    if (cookie === null) throw missingField('Set-Cookie: better-auth.session_token');
    const user = signInSchema.safeParse(response.data).data?.user;
    return {
      cookie,
      user:
        user === undefined
          ? null
          : {
              id: user.id === undefined ? null : cleanText(String(user.id), 128),
              email: cleanText(user.email),
              name: cleanText(user.name),
            },
    };
  }

  async #credentials(): Promise<WhatAnimeCredentials> {
    return this.#auth.credentials();
  }

  /** Session-only endpoints: the session cookie (or, failing that, the API key); a guest is told to sign in. */
  async #sessionCall(path: string, request: RequestOptions, options: CallOptions): Promise<unknown> {
    const credentials = await this.#credentials();
    const kind = authKindOf(credentials, true);
    if (kind === 'guest') throw new NekodeskError('unauthorized', 'Sign in to whatanimeisthis.com first.');
    const headers = { ...request.headers, ...authHeaders(credentials, true) };
    return this.#call(path, { ...request, headers }, kind, options);
  }

  async #call(
    path: string,
    request: RequestOptions,
    kind: ReturnType<typeof authKindOf>,
    options: CallOptions,
  ): Promise<unknown> {
    try {
      const response = await this.#http.json(`${this.#origin}${path}`, anyJson, {
        ...request,
        ...signalOf(options),
      });
      return response.data;
    } catch (error) {
      throw mapWhatAnimeError(error, kind);
    }
  }
}

function authHeaders(credentials: WhatAnimeCredentials, preferSession: boolean): Record<string, string> {
  const kind = authKindOf(credentials, preferSession);
  if (kind === 'apiKey' && credentials.apiKey !== null)
    return { authorization: `Bearer ${credentials.apiKey}` };
  if (kind === 'session' && credentials.session !== null) return { cookie: credentials.session };
  return {};
}

function signInError(error: unknown): unknown {
  if (
    error instanceof NekodeskError &&
    (error.status === 401 || error.status === 403 || error.status === 400)
  ) {
    const message =
      error.status === 403 && !/password|email/i.test(error.message)
        ? 'whatanimeisthis.com refused the sign-in request.'
        : 'Wrong email or password.';
    return new NekodeskError('unauthorized', message, { cause: error, status: error.status });
  }
  return error;
}

function signalOf(options: CallOptions): { signal?: AbortSignal } {
  return options.signal ? { signal: options.signal } : {};
}

function isGuest(credentials: WhatAnimeCredentials): boolean {
  return credentials.apiKey === null && credentials.session === null;
}
