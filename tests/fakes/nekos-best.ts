// Fake nekos.best API v2 (base /api/v2): /endpoints, /:category, /search and the assets with
// URL-encoded metadata headers, with the real rate-limit headers and limits.
import { colorFor, encodeGif, encodePng } from './image-bytes';
import { sendBytes, sendJson, startFakeServer, type RequestContext } from './fake-server';
import { ENDPOINT_ORDER, NEKOS_ITEMS, type NekosItem } from './nekos-best-data';
import { FixedWindow, isoWith7Digits, type LimitState } from './rate-limit';
import type { FakeOptions, FakeServer } from './types';

const BASE = '/api/v2';
export const NEKOS_BEST_LIMITS = { perMinute: 200, searchPer5s: 7 } as const;

export function parseAmount(raw: string | null): number | undefined {
  if (raw === null) return 1;
  if (!/^\d+$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= 1 && n <= 20 ? n : undefined;
}

function shuffled<T>(list: readonly T[]): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** `amount` random items; repeats only when the pool is smaller than `amount`. */
function sample<T>(pool: readonly T[], amount: number): T[] {
  const out: T[] = [];
  while (out.length < amount && pool.length > 0) out.push(...shuffled(pool).slice(0, amount - out.length));
  return out;
}

export async function startFakeNekosBest(options: FakeOptions = {}): Promise<FakeServer> {
  const byCategory = new Map<string, NekosItem[]>();
  for (const item of NEKOS_ITEMS)
    byCategory.set(item.category, [...(byCategory.get(item.category) ?? []), item]);
  const byId = new Map(NEKOS_ITEMS.map((item) => [item.id, item]));
  const bytes = new Map<string, Buffer>();
  const now = options.now ?? Date.now;
  const enforce = options.enforceRateLimits ?? true;
  const perMinute = new FixedWindow(NEKOS_BEST_LIMITS.perMinute, 60_000, now);
  const searchWindow = new FixedWindow(NEKOS_BEST_LIMITS.searchPer5s, 5_000, now);

  const limitHeaders = (state: LimitState, window = '1m'): Record<string, string> => ({
    'x-rate-limit-limit': window,
    'x-rate-limit-remaining': String(state.remaining),
    'x-rate-limit-reset': isoWith7Digits(state.resetAt),
  });

  const tooMany = (ctx: RequestContext, retryAfterSeconds: number, headers: Record<string, string>): void => {
    sendJson(
      ctx.res,
      429,
      { message: 'You are being rate limited. Please slow down.' },
      { ...headers, 'retry-after': String(retryAfterSeconds) },
    );
  };

  const toJson = (item: NekosItem, origin: string): Record<string, unknown> => {
    const url = `${origin}${BASE}/${item.category}/${item.id}.${item.format}`;
    const dimensions = { width: item.width, height: item.height };
    return item.format === 'png'
      ? {
          artist_name: item.artistName,
          artist_href: item.artistHref,
          source_url: item.sourceUrl,
          url,
          dimensions,
        }
      : { anime_name: item.animeName, url, dimensions };
  };

  const assetBytes = (item: NekosItem): Buffer => {
    let data = bytes.get(item.id);
    if (!data) {
      const color = colorFor(item.id);
      data =
        item.format === 'png'
          ? encodePng(item.width, item.height, color)
          : encodeGif(item.width, item.height, color);
      bytes.set(item.id, data);
    }
    return data;
  };

  const serveAsset = (ctx: RequestContext, category: string, file: string): void => {
    const match = /^([0-9a-f-]{36})\.(png|gif)$/.exec(file);
    const item = match ? byId.get(match[1]!) : undefined;
    if (!item || item.category !== category || item.format !== match?.[2]) {
      sendJson(ctx.res, 404, { message: 'Not Found' });
      return;
    }
    const meta: Record<string, string> = {};
    const fields: [string, string | undefined][] = [
      ['anime_name', item.animeName],
      ['artist_name', item.artistName],
      ['artist_href', item.artistHref],
      ['source_url', item.sourceUrl],
    ];
    for (const [name, value] of fields) if (value !== undefined) meta[name] = encodeURIComponent(value);
    sendBytes(ctx.res, 200, item.format === 'png' ? 'image/png' : 'image/gif', assetBytes(item), {
      ...meta,
      'cache-control': 'public, max-age=31536000, immutable',
    });
  };

  const search = (ctx: RequestContext, headers: Record<string, string>): void => {
    const query = ctx.query.get('query');
    const type = ctx.query.get('type');
    const category = ctx.query.get('category');
    const amount = parseAmount(ctx.query.get('amount'));
    const bad = (message: string): void => {
      sendJson(ctx.res, 400, { message }, headers);
    };
    if (type !== '1' && type !== '2') {
      bad('type must be 1 (images) or 2 (GIFs)');
      return;
    }
    if (!query) {
      bad('query is required');
      return;
    }
    if (amount === undefined) {
      bad('amount must be an integer between 1 and 20');
      return;
    }
    const format = type === '1' ? 'png' : 'gif';
    let pool = NEKOS_ITEMS.filter((item) => item.format === format);
    if (category !== null && category !== '') {
      if (byCategory.get(category)?.[0]?.format !== format) {
        bad(`category "${category}" does not exist for type ${type}`);
        return;
      }
      pool = pool.filter((item) => item.category === category);
    }
    const needle = query.toLowerCase();
    const matches = pool.filter((item) =>
      [item.animeName, item.artistName].some((name) => name?.toLowerCase().includes(needle)),
    );
    // Real behaviour: a query that matches nothing still answers 200, with unrelated random results.
    const results = matches.length > 0 ? shuffled(matches).slice(0, amount) : sample(pool, amount);
    sendJson(ctx.res, 200, { results: results.map((item) => toJson(item, ctx.origin)) }, headers);
  };

  const handle = (ctx: RequestContext): void => {
    if (!ctx.path.startsWith(`${BASE}/`)) {
      sendJson(ctx.res, 404, { message: 'Not Found' });
      return;
    }
    const parts = ctx.path.slice(BASE.length + 1).split('/');
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
      sendJson(ctx.res, 405, { message: 'Method Not Allowed' }, { allow: 'GET, HEAD' });
      return;
    }
    if (parts.length === 2) {
      serveAsset(ctx, parts[0]!, parts[1]!);
      return;
    }
    const name = parts.length === 1 ? parts[0]! : '';
    const isSearch = name === 'search';

    const minute = perMinute.peek(ctx.clientIp);
    const fiveSeconds = isSearch ? searchWindow.peek(ctx.clientIp) : undefined;
    if (enforce && !minute.allowed) {
      tooMany(ctx, minute.retryAfterSeconds, limitHeaders(minute));
      return;
    }
    if (enforce && fiveSeconds && !fiveSeconds.allowed) {
      tooMany(ctx, fiveSeconds.retryAfterSeconds, limitHeaders(fiveSeconds, '5s'));
      return;
    }
    const headers = limitHeaders(perMinute.take(ctx.clientIp));
    if (isSearch) searchWindow.take(ctx.clientIp);

    if (name === 'endpoints') {
      const formats = Object.fromEntries(
        ENDPOINT_ORDER.map((category) => [category, { format: byCategory.get(category)![0]!.format }]),
      );
      sendJson(ctx.res, 200, formats, headers);
    } else if (isSearch) {
      search(ctx, headers);
    } else {
      const pool = byCategory.get(name);
      if (!pool) {
        sendJson(ctx.res, 404, { message: 'Not Found' }, headers);
        return;
      }
      const amount = parseAmount(ctx.query.get('amount'));
      if (amount === undefined) {
        sendJson(ctx.res, 400, { message: 'amount must be an integer between 1 and 20' }, headers);
        return;
      }
      sendJson(
        ctx.res,
        200,
        { results: sample(pool, amount).map((item) => toJson(item, ctx.origin)) },
        headers,
      );
    }
  };

  return startFakeServer(options, {
    basePath: BASE,
    handle,
    rateLimited: (ctx, seconds) => {
      tooMany(ctx, seconds, {
        'x-rate-limit-limit': '1m',
        'x-rate-limit-remaining': '0',
        'x-rate-limit-reset': isoWith7Digits(ctx.now + seconds * 1000),
      });
    },
    serverErrorBody: (status) => ({ message: status === 404 ? 'Not Found' : 'Internal Server Error' }),
  });
}
