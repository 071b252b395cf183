// Fake whatanimeisthis.com (origin, no base path). The service documents no response bodies: the shapes here
// are a trace.moe-like guess shared with the client engineer (see the brief in tests/fakes/README.md).
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { colorFor, encodeJpeg, fakeMp4 } from './image-bytes';
import { delay, sendBytes, sendJson, startFakeServer, type RequestContext } from './fake-server';
import { parseForm, sniffImage } from './multipart';
import { nextUtcMidnight, SlidingWindow, utcDay } from './rate-limit';
import type { FakeOptions, FakeServer } from './types';
import { ANIME, displayTitle, PERIODS, rankingCount, type AnimeEntry, type Period } from './whatanime-data';

export const WHATANIME_DEFAULT_USER = {
  email: 'neko@example.com',
  password: 'correct horse battery',
  credits: 20,
};
export const WHATANIME_DEFAULT_API_KEY = 'wa_fake0123456789abcdefghijklmnop';
export const WHATANIME_LIMITS = {
  dailyFreeCredits: 10,
  userPerHour: 100,
  guestDailyLimit: 5,
  /** Every /api route, per IP. */
  perMinute: 120,
  /** The image file of a search (the service's limit, as the contract's MAX_IDENTIFY_BYTES). */
  maxUploadBytes: 25 * 1024 * 1024,
} as const;
/** An uploaded file name or url containing this gets only weak candidates (all below 0.87). */
export const WHATANIME_NO_MATCH_MARKER = 'no-match';
const COOKIE = 'better-auth.session_token';
const SECRET = 'fake-better-auth-secret';

export interface WhatAnimeUpload {
  contentType: string;
  bytes: Buffer;
  fileName?: string;
}

export interface FakeWhatAnimeOptions extends FakeOptions {
  apiKeys?: string[];
  users?: { email: string; password: string; credits: number }[];
  guestDailyLimit?: number;
  /**
   * Simulated upload bandwidth of a search: its answer waits as long as sending the body at this rate takes
   * (the body arrives at once on loopback). Unlimited when absent.
   */
  uploadBytesPerSecond?: number;
}

export interface FakeWhatAnime extends FakeServer {
  /** The image file of the last search that sent one. */
  lastUpload(): WhatAnimeUpload | undefined;
  /** The `url` field of the last search that sent one. */
  lastSearchUrl(): string | undefined;
  /** A user's paid credits (not the daily free ones). */
  credits(email: string): number | undefined;
  setCredits(email: string, credits: number): void;
  /** From now on every search gets only weak candidates (< 0.87), whatever the upload is called. */
  setWeakMatches(weak: boolean): void;
  /** Guest searches used today by loopback clients (the guest allowance is per IP). */
  guestSearchesUsed(): number;
}

interface User {
  id: string;
  email: string;
  name: string;
  password: string;
  credits: number;
  freeDay: string;
  freeUsed: number;
}

interface ApiKey {
  id: string;
  title: string;
  key: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  userId: string;
}

function sign(token: string): string {
  return createHmac('sha256', SECRET).update(token).digest('base64');
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function positiveInt(raw: string | null, fallback: number, max: number): number | undefined {
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= 1 ? Math.min(n, max) : undefined;
}

export async function startFakeWhatAnime(options: FakeWhatAnimeOptions = {}): Promise<FakeWhatAnime> {
  const now = options.now ?? Date.now;
  const enforce = options.enforceRateLimits ?? true;
  const guestLimit = options.guestDailyLimit ?? WHATANIME_LIMITS.guestDailyLimit;
  const iso = (): string => new Date(now()).toISOString();
  const startedAt = Math.floor(now() / 60_000) * 60_000; // recent searches are a fixed list ending here

  const users = (options.users ?? [WHATANIME_DEFAULT_USER]).map((u, i): User => ({
    id: `usr_${String(i + 1).padStart(4, '0')}`,
    email: u.email,
    name: u.email.split('@')[0] ?? u.email,
    password: u.password,
    credits: u.credits,
    freeDay: '',
    freeUsed: 0,
  }));
  const keyOwner: User = users[0] ?? {
    id: 'usr_api',
    email: 'api@example.com',
    name: 'api',
    password: randomBytes(8).toString('hex'),
    credits: 100,
    freeDay: '',
    freeUsed: 0,
  };
  const keys = new Map<string, ApiKey>();
  const addKey = (key: string, title: string, userId: string): ApiKey => {
    const entry: ApiKey = {
      id: `key_${String(keys.size + 1).padStart(4, '0')}`,
      title,
      key,
      prefix: key.slice(0, 7),
      createdAt: iso(),
      lastUsedAt: null,
      userId,
    };
    keys.set(key, entry);
    return entry;
  };
  for (const key of options.apiKeys ?? [WHATANIME_DEFAULT_API_KEY]) addKey(key, 'default', keyOwner.id);

  const sessions = new Map<string, string>(); // token → user id
  const guests = new Map<string, { day: string; used: number }>();
  const hourly = new SlidingWindow(WHATANIME_LIMITS.userPerHour, 3_600_000, now);
  const perMinute = new SlidingWindow(WHATANIME_LIMITS.perMinute, 60_000, now);
  let lastUpload: WhatAnimeUpload | undefined;
  let lastUrl: string | undefined;
  let forceWeak = false;
  const uploadTimers = new Set<NodeJS.Timeout>();

  const userById = (id: string): User | undefined => [...users, keyOwner].find((u) => u.id === id);
  const error = (ctx: RequestContext, status: number, message: string, headers = {}): void => {
    sendJson(ctx.res, status, { error: message }, headers);
  };

  const freeRemaining = (user: User, t: number): number =>
    user.freeDay === utcDay(t)
      ? WHATANIME_LIMITS.dailyFreeCredits - user.freeUsed
      : WHATANIME_LIMITS.dailyFreeCredits;

  /** The session's user; `null` when a cookie was sent but is not valid; undefined without a cookie. */
  const sessionUser = (ctx: RequestContext): User | null | undefined => {
    const raw = readCookie(ctx.req.headers.cookie, COOKIE);
    if (raw === undefined) return undefined;
    let value: string;
    try {
      value = decodeURIComponent(raw);
    } catch {
      return null;
    }
    const dot = value.lastIndexOf('.');
    const token = value.slice(0, dot);
    const userId = sessions.get(token);
    if (dot < 0 || value.slice(dot + 1) !== sign(token) || !userId) return null;
    return userById(userId) ?? null;
  };

  const requireSession = (ctx: RequestContext): User | undefined => {
    const user = sessionUser(ctx);
    if (!user) error(ctx, 401, 'Unauthorized');
    return user ?? undefined;
  };

  const preview = (
    origin: string,
    anime: AnimeEntry,
    episode: number | null,
    at: number,
  ): { video: string; image: string } => {
    const stem = `${origin}/preview/${anime.id}/${episode ?? 0}/${at.toFixed(2)}`;
    return { video: `${stem}.mp4`, image: `${stem}.jpg` };
  };

  const candidates = (ctx: RequestContext, seed: Buffer, weak: boolean): Record<string, unknown>[] => {
    const pool = ANIME.filter((a) => !a.isAdult);
    const first = seed[0]! % pool.length;
    const picks = [0, 0, 1, 2, 3].map((offset, i) => ({ anime: pool[(first + offset) % pool.length]!, i }));
    const scores = weak ? [0.84, 0.8, 0.77, 0.74, 0.71] : [0.9621, 0.9105, 0.8612, 0.8233, 0.7948];
    return picks.map(({ anime, i }) => {
      const episode = anime.episodes === null ? null : 1 + ((seed[i + 1]! + i) % anime.episodes);
      const duration = anime.episodes === null ? 6380.25 : 1440.5;
      const at = Math.round((seed[i + 6]! * 256 + seed[i + 7]!) % (duration * 100)) / 100;
      const from = Math.max(0, Math.round((at - 1.75) * 100) / 100);
      const to = Math.min(duration, Math.round((at + 1.92) * 100) / 100);
      const ep = episode === null ? '' : ` - ${String(episode).padStart(2, '0')}`;
      return {
        anilist: {
          id: anime.id,
          idMal: anime.idMal,
          title: { native: anime.native, romaji: anime.romaji, english: anime.english },
          synonyms: anime.synonyms,
          isAdult: anime.isAdult,
        },
        filename: `[Fake] ${anime.romaji}${ep}.mkv`,
        episode,
        duration,
        from,
        at,
        to,
        similarity: Math.round((scores[i]! - (seed[i + 12]! % 20) / 10000) * 10000) / 10000,
        ...preview(ctx.origin, anime, episode, at),
      };
    });
  };

  const search = async (ctx: RequestContext): Promise<void> => {
    if (ctx.method !== 'POST') {
      error(ctx, 405, 'Method not allowed');
      return;
    }
    // Who is asking.
    let user: User | undefined;
    const authorization = ctx.req.headers.authorization;
    if (authorization !== undefined) {
      const key = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
      const entry = key === undefined ? undefined : keys.get(key);
      if (!entry) {
        error(ctx, 401, 'Invalid API key');
        return;
      }
      user = userById(entry.userId);
      entry.lastUsedAt = iso();
    } else {
      const fromSession = sessionUser(ctx);
      if (fromSession === null) {
        error(ctx, 401, 'Unauthorized');
        return;
      }
      user = fromSession;
    }

    // Limits and credits, checked before the body is looked at.
    const day = utcDay(ctx.now);
    const guest = guests.get(ctx.clientIp);
    const guestUsed = guest?.day === day ? guest.used : 0;
    if (!user) {
      if (guestUsed >= guestLimit) {
        // The answer says the allowance is spent, in the same `quota` shape a successful search reports.
        sendJson(
          ctx.res,
          429,
          {
            error: 'Daily search limit reached for guests. Sign in for more.',
            quota: { remaining: 0, limit: guestLimit },
          },
          { 'retry-after': String(nextUtcMidnight(ctx.now).seconds) },
        );
        return;
      }
    } else {
      const hour = hourly.peek(user.id);
      if (enforce && !hour.allowed) {
        error(ctx, 429, 'Hourly search limit reached. Try again later.', {
          'retry-after': String(hour.retryAfterSeconds),
        });
        return;
      }
      if (freeRemaining(user, ctx.now) <= 0 && user.credits <= 0) {
        error(ctx, 402, 'Not enough credits');
        return;
      }
    }

    // What is asked (after the time the upload would take on a slower link).
    if (options.uploadBytesPerSecond !== undefined && options.uploadBytesPerSecond > 0) {
      await delay((ctx.body.length / options.uploadBytesPerSecond) * 1000, uploadTimers);
    }
    const form = await parseForm(ctx.req.headers['content-type'], ctx.body);
    if (!form) {
      error(ctx, 400, 'Expected multipart/form-data with an image file or a url');
      return;
    }
    const image = form.get('image');
    const url = form.get('url');
    let seed: Buffer;
    let weak: boolean;
    if (image !== undefined && typeof image !== 'string') {
      if (image.bytes.length > WHATANIME_LIMITS.maxUploadBytes) {
        error(ctx, 413, 'Image is too large (max 25 MB)');
        return;
      }
      if (!sniffImage(image.bytes)) {
        error(ctx, 400, 'Unsupported image type. Only JPEG and PNG are accepted.');
        return;
      }
      lastUpload = {
        contentType: image.contentType,
        bytes: image.bytes,
        fileName: image.fileName || undefined,
      };
      seed = createHash('sha256').update(image.bytes).digest();
      weak = forceWeak || image.fileName.includes(WHATANIME_NO_MATCH_MARKER);
    } else if (typeof url === 'string' && url !== '') {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        error(ctx, 400, 'Invalid image URL');
        return;
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        error(ctx, 400, 'Invalid image URL');
        return;
      }
      if (parsed.hostname.endsWith('.invalid')) {
        error(ctx, 400, `Failed to fetch image ${url}`);
        return;
      }
      lastUrl = url;
      seed = createHash('sha256').update(url).digest();
      weak = forceWeak || url.includes(WHATANIME_NO_MATCH_MARKER);
    } else {
      error(ctx, 400, 'Provide an image file (image) or an image URL (url)');
      return;
    }

    // Charge.
    let quota: { remaining: number; limit: number };
    if (!user) {
      guests.set(ctx.clientIp, { day, used: guestUsed + 1 });
      quota = { remaining: guestLimit - guestUsed - 1, limit: guestLimit };
    } else {
      hourly.take(user.id);
      if (freeRemaining(user, ctx.now) > 0) {
        user.freeUsed = user.freeDay === day ? user.freeUsed + 1 : 1;
        user.freeDay = day;
      } else user.credits--;
      quota = {
        remaining: freeRemaining(user, ctx.now) + user.credits,
        limit: WHATANIME_LIMITS.dailyFreeCredits,
      };
    }
    sendJson(ctx.res, 200, { frameCount: 123456789, error: '', result: candidates(ctx, seed, weak), quota });
  };

  const rankings = (ctx: RequestContext): void => {
    const period = (ctx.query.get('period') ?? 'all') as Period;
    if (!PERIODS.includes(period)) {
      error(ctx, 400, `Invalid period. Use one of: ${PERIODS.join(', ')}`);
      return;
    }
    const limit = positiveInt(ctx.query.get('limit'), 50, 100);
    if (limit === undefined) {
      error(ctx, 400, 'Invalid limit');
      return;
    }
    const includeAdult = ctx.query.get('includeAdult') === 'true';
    const entries = ANIME.filter((a) => includeAdult || !a.isAdult)
      .map((a) => ({ a, count: rankingCount(a, period) }))
      .sort((x, y) => y.count - x.count)
      .slice(0, limit)
      .map(({ a, count }, i) => ({
        rank: i + 1,
        anilistId: a.id,
        title: displayTitle(a),
        titleNative: a.native,
        count,
        isAdult: a.isAdult,
        coverImage: `${ctx.origin}/covers/${a.id}.jpg`,
      }));
    sendJson(ctx.res, 200, { period, rankings: entries });
  };

  const recentSearches = (ctx: RequestContext): void => {
    const limit = positiveInt(ctx.query.get('limit'), 20, 100);
    const rawOffset = ctx.query.get('offset');
    const offset =
      rawOffset === null || rawOffset === '' ? 0 : /^\d+$/.test(rawOffset) ? Number(rawOffset) : -1;
    if (limit === undefined || offset < 0) {
      error(ctx, 400, 'Invalid limit or offset');
      return;
    }
    const pool = ANIME.filter((a) => !a.isAdult);
    const total = 30;
    const items = Array.from({ length: total }, (_, i) => {
      const anime = pool[i % pool.length]!;
      const episode = anime.episodes === null ? null : 1 + (i % anime.episodes);
      const at = 60 + ((i * 97.31) % 1300);
      return {
        id: `rs_${String(total - i).padStart(5, '0')}`,
        title: displayTitle(anime),
        episode,
        at: Math.round(at * 100) / 100,
        similarity: Math.round((0.99 - (i % 9) / 100) * 10000) / 10000,
        image: preview(ctx.origin, anime, episode, Math.round(at * 100) / 100).image,
        createdAt: new Date(startedAt - i * 7 * 60_000).toISOString(),
      };
    }).slice(offset, offset + limit);
    sendJson(ctx.res, 200, { items, total, limit, offset });
  };

  const signIn = (ctx: RequestContext): void => {
    if (ctx.method !== 'POST') {
      error(ctx, 405, 'Method not allowed');
      return;
    }
    if (!ctx.req.headers.origin) {
      sendJson(ctx.res, 403, { message: 'Invalid origin' });
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(ctx.body.toString('utf8'));
    } catch {
      body = undefined;
    }
    const { email, password } = (typeof body === 'object' && body !== null ? body : {}) as Record<
      string,
      unknown
    >;
    if (typeof email !== 'string' || typeof password !== 'string') {
      sendJson(ctx.res, 400, {
        code: 'VALIDATION_ERROR',
        message: 'Invalid body: email and password are required',
      });
      return;
    }
    const user = users.find((u) => u.email.toLowerCase() === email.toLowerCase() && u.password === password);
    if (!user) {
      sendJson(ctx.res, 401, { code: 'INVALID_EMAIL_OR_PASSWORD', message: 'Invalid email or password' });
      return;
    }
    const token = randomBytes(24).toString('base64url');
    sessions.set(token, user.id);
    const cookie = `${COOKIE}=${encodeURIComponent(`${token}.${sign(token)}`)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=604800`;
    sendJson(
      ctx.res,
      200,
      { user: { id: user.id, email: user.email, name: user.name }, redirect: false },
      { 'set-cookie': cookie },
    );
  };

  const signOut = (ctx: RequestContext): void => {
    const raw = readCookie(ctx.req.headers.cookie, COOKIE);
    if (raw !== undefined) sessions.delete(decodeURIComponent(raw).split('.')[0] ?? '');
    sendJson(
      ctx.res,
      200,
      { success: true },
      { 'set-cookie': `${COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0` },
    );
  };

  const credits = (ctx: RequestContext): void => {
    const user = requireSession(ctx);
    if (!user) return;
    sendJson(ctx.res, 200, {
      credits: user.credits,
      dailyFreeCredits: WHATANIME_LIMITS.dailyFreeCredits,
      dailyFreeRemaining: freeRemaining(user, ctx.now),
      resetsAt: new Date(nextUtcMidnight(ctx.now).at).toISOString(),
    });
  };

  const apiKeys = (ctx: RequestContext): void => {
    const user = requireSession(ctx);
    if (!user) return;
    if (ctx.method === 'POST') {
      let body: unknown;
      try {
        body = JSON.parse(ctx.body.toString('utf8'));
      } catch {
        body = undefined;
      }
      const title =
        typeof body === 'object' && body !== null ? (body as { title?: unknown }).title : undefined;
      if (typeof title !== 'string' || title.trim() === '') {
        error(ctx, 400, 'Title is required');
        return;
      }
      const entry = addKey(`wa_${randomBytes(16).toString('hex')}`, title.trim(), user.id);
      sendJson(ctx.res, 200, {
        id: entry.id,
        title: entry.title,
        key: entry.key,
        prefix: entry.prefix,
        createdAt: entry.createdAt,
      });
      return;
    }
    if (ctx.method !== 'GET') {
      error(ctx, 405, 'Method not allowed');
      return;
    }
    const page = positiveInt(ctx.query.get('page'), 1, 1_000_000);
    const pageSize = positiveInt(ctx.query.get('pageSize'), 10, 100);
    if (page === undefined || pageSize === undefined) {
      error(ctx, 400, 'Invalid page or pageSize');
      return;
    }
    const mine = [...keys.values()].filter((k) => k.userId === user.id);
    const items = mine
      .slice((page - 1) * pageSize, page * pageSize)
      .map(({ id, title, prefix, createdAt, lastUsedAt }) => ({ id, title, prefix, createdAt, lastUsedAt }));
    sendJson(ctx.res, 200, { items, page, pageSize, total: mine.length });
  };

  const files = (ctx: RequestContext): void => {
    const preview = /^\/preview\/(\d+)\/(\d+)\/([\d.]+)\.(jpg|mp4)$/.exec(ctx.path);
    const cover = /^\/covers\/(\d+)\.jpg$/.exec(ctx.path);
    if (preview?.[4] === 'mp4') sendBytes(ctx.res, 200, 'video/mp4', fakeMp4());
    else if (preview) sendBytes(ctx.res, 200, 'image/jpeg', encodeJpeg(64, 36, colorFor(ctx.path)));
    else if (cover) sendBytes(ctx.res, 200, 'image/jpeg', encodeJpeg(46, 64, colorFor(cover[1]!)));
    else error(ctx, 404, 'Not found');
  };

  const routes: Record<string, (ctx: RequestContext) => void | Promise<void>> = {
    '/api/anime/search': search,
    '/api/anime/rankings': rankings,
    '/api/anime/recent-searches': recentSearches,
    '/api/user/anime-credits': credits,
    '/api/apikeys': apiKeys,
    '/api/auth/sign-in/email': signIn,
    '/api/auth/sign-out': signOut,
  };

  const handle = async (ctx: RequestContext): Promise<void> => {
    if (!ctx.path.startsWith('/api/')) {
      files(ctx);
      return;
    }
    const state = perMinute.peek(ctx.clientIp);
    if (enforce && !state.allowed) {
      error(ctx, 429, 'Too many requests', { 'retry-after': String(state.retryAfterSeconds) });
      return;
    }
    perMinute.take(ctx.clientIp);
    const route = routes[ctx.path];
    if (!route) {
      error(ctx, 404, 'Not found');
      return;
    }
    const readOnly =
      ctx.path !== '/api/anime/search' && !ctx.path.startsWith('/api/auth/') && ctx.path !== '/api/apikeys';
    if (readOnly && ctx.method !== 'GET' && ctx.method !== 'HEAD') {
      error(ctx, 405, 'Method not allowed');
      return;
    }
    await route(ctx);
  };

  const server = await startFakeServer(options, {
    basePath: '',
    handle,
    rateLimited: (ctx, seconds) => {
      error(ctx, 429, 'Too many requests', { 'retry-after': String(seconds) });
    },
    serverErrorBody: (status) => ({ error: status === 404 ? 'Not found' : 'Internal server error' }),
  });
  const byEmail = (email: string): User | undefined => users.find((u) => u.email === email);
  return {
    ...server,
    close: () => {
      for (const timer of uploadTimers) clearTimeout(timer);
      uploadTimers.clear();
      return server.close();
    },
    lastUpload: () => lastUpload,
    lastSearchUrl: () => lastUrl,
    credits: (email) => byEmail(email)?.credits,
    setCredits: (email, n) => {
      const user = byEmail(email);
      if (!user) throw new Error(`no such user: ${email}`);
      user.credits = n;
    },
    setWeakMatches: (weak) => {
      forceWeak = weak;
    },
    guestSearchesUsed: () => {
      const day = utcDay(now());
      return [...guests.values()].reduce((sum, g) => sum + (g.day === day ? g.used : 0), 0);
    },
  };
}
