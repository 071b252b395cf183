// Fake Nekosia API v1 (base /api/v1): /images/:category with tags, ratings and sessions that never
// repeat an image, /getImageById/:id, /tags, and the image files at /images/<category>/<id>.png|-compressed.jpg.
import { createHash } from 'node:crypto';
import { sendBytes, sendJson, startFakeServer, type RequestContext } from './fake-server';
import { FILTERED_TAGS, nekosiaImages, type NekosiaImage } from './nekosia-data';
import { SlidingWindow } from './rate-limit';
import type { FakeOptions, FakeServer } from './types';

const BASE = '/api/v1';
export const NEKOSIA_LIMIT = { requests: 300, windowMs: 5 * 60_000 } as const;
const DOCS = 'https://nekosia.cat/documentation?page=endpoints#tags-and-categories';
const FORBIDDEN_ID_CHARS = /[!@#$%^&*()_+{}|:"<>?]/;

function list(raw: string | null): string[] {
  return (raw ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

export function imageJson(image: NekosiaImage, origin: string): Record<string, unknown> {
  const path = `${origin}/images/${image.category}/${image.id}`;
  return {
    id: image.id,
    colors: image.colors,
    image: {
      original: { url: `${path}.png`, extension: 'png' },
      compressed: { url: `${path}-compressed.jpg`, extension: 'jpeg' },
    },
    metadata: {
      original: {
        width: image.original.width,
        height: image.original.height,
        size: image.original.bytes.length,
        extension: 'png',
      },
      compressed: {
        width: image.compressed.width,
        height: image.compressed.height,
        size: image.compressed.bytes.length,
        extension: 'jpeg',
      },
    },
    category: image.category,
    tags: image.tags,
    rating: image.rating,
    anime: image.anime,
    source: image.source,
    attribution: image.attribution,
  };
}

export async function startFakeNekosia(options: FakeOptions = {}): Promise<FakeServer> {
  const images = nekosiaImages();
  const byId = new Map(images.map((image) => [image.id, image]));
  const limiter = new SlidingWindow(NEKOSIA_LIMIT.requests, NEKOSIA_LIMIT.windowMs, options.now ?? Date.now);
  const enforce = options.enforceRateLimits ?? true;
  /** Images each session has seen, per query (category + filters). */
  const seen = new Map<string, Set<string>>();
  let anonymousRequests = 0;

  const fail = (ctx: RequestContext, message: string, example?: string): void => {
    sendJson(ctx.res, 400, { success: false, status: 400, message, ...(example ? { example } : {}) });
  };

  const tooMany = (ctx: RequestContext, seconds: number, resetSeconds = seconds): void => {
    sendJson(
      ctx.res,
      429,
      { success: false, status: 429, message: 'Too many requests, please try again later.' },
      {
        'retry-after': String(seconds),
        'ratelimit-limit': String(NEKOSIA_LIMIT.requests),
        'ratelimit-remaining': '0',
        'ratelimit-reset': String(resetSeconds),
      },
    );
  };

  const randomImages = (ctx: RequestContext, category: string): void => {
    const q = ctx.query;
    const example = `${ctx.origin}${BASE}/images/catgirl`;
    const rating = q.get('rating') ?? 'safe';
    if (rating !== 'safe' && rating !== 'suggestive') {
      fail(ctx, 'Invalid rating. Accepted values are: safe, suggestive.', `${example}?rating=safe`);
      return;
    }
    const rawCount = q.get('count');
    const count = rawCount === null ? 1 : /^\d+$/.test(rawCount) ? Number(rawCount) : Number.NaN;
    if (!(count >= 1 && count <= 20)) {
      fail(ctx, 'The count parameter must be a number between 1 and 20.', `${example}?count=3`);
      return;
    }
    const session = q.get('session');
    let identity: string | undefined;
    if (session === 'ip') identity = `ip:${ctx.clientIp}`;
    else if (session === 'id') {
      const id = q.get('id') ?? '';
      if (id.length < 4 || id.length > 128 || FORBIDDEN_ID_CHARS.test(id)) {
        fail(
          ctx,
          'Invalid id parameter. It must be 4 to 128 characters long and contain no special characters.',
          `${example}?session=id&id=437808476106784770`,
        );
        return;
      }
      identity = `id:${id}`;
    } else if (session !== null) {
      fail(ctx, 'Invalid session parameter. Accepted values are: ip, id.', `${example}?session=ip`);
      return;
    }
    const additional = list(q.get('additionalTags'));
    const blacklisted = list(q.get('blacklistedTags'));
    if (category === 'nothing' && additional.length === 0) {
      fail(
        ctx,
        'The nothing category requires at least one tag in additionalTags.',
        `${ctx.origin}${BASE}/images/nothing?additionalTags=cat-ears`,
      );
      return;
    }

    const matching = images.filter(
      (image) =>
        image.rating === rating &&
        (category === 'nothing' || category === 'random' || image.tags.includes(category)) &&
        (category === 'nothing' || !image.tags.some((t) => FILTERED_TAGS.includes(t))) &&
        (additional.length === 0 || additional.some((t) => image.tags.includes(t))) &&
        !blacklisted.some((t) => image.tags.includes(t)),
    );
    if (matching.length === 0) {
      fail(
        ctx,
        `No images matching the specified criteria were found. See ${DOCS} for more details.`,
        example,
      );
      return;
    }

    let chosen: NekosiaImage[];
    let key: string | null | undefined;
    if (identity === undefined) {
      chosen = shuffled(matching).slice(0, count);
      key = anonymousRequests++ % 2 === 0 ? null : undefined; // sometimes null, sometimes absent
    } else {
      key = createHash('sha256').update(identity).digest('hex').slice(0, 32);
      const slot = [identity, category, rating, additional.join(','), blacklisted.join(',')].join('|');
      const shown = seen.get(slot) ?? new Set<string>();
      chosen = shuffled(matching.filter((image) => !shown.has(image.id))).slice(0, count);
      if (chosen.length < count) {
        // Every matching image was shown: the session resets (never repeating within this answer).
        shown.clear();
        const more = shuffled(matching.filter((image) => !chosen.includes(image)));
        chosen.push(...more.slice(0, count - chosen.length));
      }
      for (const image of chosen) shown.add(image.id);
      if (shown.size >= matching.length) shown.clear();
      seen.set(slot, shown);
    }

    const envelope = {
      success: true,
      status: 200,
      ...(key === undefined ? {} : { key }),
      count: matching.length,
    };
    if (count === 1) sendJson(ctx.res, 200, { ...envelope, ...imageJson(chosen[0]!, ctx.origin) });
    else sendJson(ctx.res, 200, { ...envelope, images: chosen.map((image) => imageJson(image, ctx.origin)) });
  };

  const tags = (ctx: RequestContext): void => {
    const unique = (values: (string | null)[]): string[] =>
      [...new Set(values.filter((v): v is string => v !== null))].sort();
    sendJson(ctx.res, 200, {
      success: true,
      status: 200,
      tags: unique(images.flatMap((image) => image.tags)),
      anime: unique(images.map((image) => image.anime.title)),
      characters: unique(images.map((image) => image.anime.character)),
    });
  };

  const serveFile = (ctx: RequestContext): void => {
    const match = /^\/images\/([a-z-]+)\/([0-9a-f]{24})(\.png|-compressed\.jpg)$/.exec(ctx.path);
    const image = match ? byId.get(match[2]!) : undefined;
    if (!match || !image || image.category !== match[1]) {
      sendJson(ctx.res, 404, { success: false, status: 404, message: 'Not Found' });
      return;
    }
    const png = match[3] === '.png';
    sendBytes(
      ctx.res,
      200,
      png ? 'image/png' : 'image/jpeg',
      png ? image.original.bytes : image.compressed.bytes,
      {
        'cache-control': 'public, max-age=31536000',
      },
    );
  };

  const handle = (ctx: RequestContext): void => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
      sendJson(ctx.res, 405, { success: false, status: 405, message: 'Method Not Allowed' });
      return;
    }
    if (!ctx.path.startsWith(`${BASE}/`)) {
      serveFile(ctx);
      return;
    }
    const state = limiter.peek(ctx.clientIp);
    if (enforce && !state.allowed) {
      tooMany(ctx, state.retryAfterSeconds);
      return;
    }
    limiter.take(ctx.clientIp);

    const parts = ctx.path.slice(BASE.length + 1).split('/');
    const [route, arg] = parts;
    if (route === 'images' && parts.length <= 2) {
      if (!arg) {
        fail(ctx, 'Request missing category parameter.', `${ctx.origin}${BASE}/images/catgirl`);
        return;
      }
      randomImages(ctx, decodeURIComponent(arg));
      return;
    }
    if (route === 'getImageById' && parts.length === 2) {
      const image = byId.get(arg ?? '');
      if (!image) {
        fail(ctx, `No image found with the given ID: ${arg ?? ''}.`);
        return;
      }
      sendJson(ctx.res, 200, { success: true, status: 200, ...imageJson(image, ctx.origin) });
      return;
    }
    if (route === 'tags' && parts.length === 1) {
      tags(ctx);
      return;
    }
    sendJson(ctx.res, 404, { success: false, status: 404, message: 'Not Found' });
  };

  return startFakeServer(options, {
    basePath: BASE,
    handle,
    rateLimited: (ctx, seconds) => {
      tooMany(ctx, seconds);
    },
    serverErrorBody: (status) => ({
      success: false,
      status,
      message: status === 404 ? 'Not Found' : 'Internal Server Error',
    }),
  });
}
