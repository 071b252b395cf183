import type { Artwork } from '../../artwork';
import { isNekodeskError, NekodeskError } from '../../errors';
import type { HttpTransport } from '../../http/types';
import { cleanText } from '../shared/sanitize';
import { invalidInput } from '../shared/validate';
import { imagesQuery, type NekosiaImagesParams } from './params';
import { envelopeSchema, imageSchema, tagsSchema, type NekosiaRating } from './schemas';
import { NEKOSIA_ID_PATTERN, nekosiaImageToArtwork } from './to-artwork';

export interface NekosiaImagesResult {
  /** How many images matched the query upstream (not how many came back). */
  matched: number;
  /** The session key Nekosia returned, if any. */
  sessionKey: string | null;
  artworks: Artwork[];
}

export interface NekosiaTags {
  tags: string[];
  anime: string[];
  characters: string[];
}

export interface NekosiaClientOptions {
  /** Used for `session: 'id'` when no id is given: the installation id, so wallpapers never repeat. */
  defaultSessionId?: string;
}

export interface CallOptions {
  signal?: AbortSignal;
}

const MAX_LIST_ITEMS = 10_000;

/** Nekosia API v1: tagged anime art with ratings and repeat-free sessions (specs/nekosia-v1.md). */
export class NekosiaClient {
  readonly #http: HttpTransport;
  readonly #base: string;
  readonly #defaultSessionId: string | undefined;

  /** `baseUrl` includes `/api/v1`. */
  constructor(http: HttpTransport, baseUrl: string, options: NekosiaClientOptions = {}) {
    this.#http = http;
    this.#base = baseUrl.replace(/\/+$/, '');
    this.#defaultSessionId = options.defaultSessionId;
  }

  /** Random images of one category (or of `nothing` plus tags), filtered by tags and rating. */
  async images(
    category: string,
    params: NekosiaImagesParams = {},
    options: CallOptions = {},
  ): Promise<NekosiaImagesResult> {
    const checked = imagesQuery(category, params, this.#defaultSessionId);
    const url = `${this.#base}/images/${encodeURIComponent(checked.category)}?${checked.query.toString()}`;
    const response = await this.#http.json(url, envelopeSchema, { limiter: 'nekosia', ...signalOf(options) });
    const artworks = this.#artworks(response.data, checked);
    return {
      matched: response.data.count ?? artworks.length,
      sessionKey: cleanText(response.data.key ?? null, 256),
      artworks,
    };
  }

  /** One image by its id; `not_found` when Nekosia has none. */
  async imageById(id: string, options: CallOptions = {}): Promise<Artwork> {
    const trimmed = id.trim();
    if (!NEKOSIA_ID_PATTERN.test(trimmed)) throw invalidInput(`"${id}" is not a Nekosia image id.`);
    const url = `${this.#base}/getImageById/${encodeURIComponent(trimmed)}`;
    try {
      const response = await this.#http.json(url, envelopeSchema, {
        limiter: 'nekosia',
        ...signalOf(options),
      });
      const [artwork] = this.#artworks(response.data, { rating: 'safe', category: 'unknown' });
      if (artwork === undefined)
        throw new NekodeskError('not_found', `Nekosia has no image with the id "${trimmed}".`);
      return artwork;
    } catch (error) {
      throw notFoundWhenSaid(error, trimmed);
    }
  }

  /** Every tag, anime title and character Nekosia knows. */
  async tags(options: CallOptions = {}): Promise<NekosiaTags> {
    const response = await this.#http.json(`${this.#base}/tags`, tagsSchema, {
      limiter: 'nekosia',
      ...signalOf(options),
    });
    const { tags, anime, characters } = response.data;
    if (tags === undefined && anime === undefined && characters === undefined) {
      throw new NekodeskError('invalid_response', 'Nekosia\'s tag list is missing the field "tags".');
    }
    return { tags: names(tags), anime: names(anime), characters: names(characters) };
  }

  #artworks(
    data: { success?: boolean | undefined; images?: unknown[] | undefined; message?: string | undefined },
    context: { rating: NekosiaRating; category: string },
  ): Artwork[] {
    if (data.success === false) {
      throw new NekodeskError(
        'upstream_error',
        cleanText(data.message) ?? 'Nekosia could not answer; try again later.',
      );
    }
    const raw = data.images ?? [data];
    const artworks: Artwork[] = [];
    for (const item of raw) {
      const image = imageSchema.safeParse(item);
      const artwork = image.success ? nekosiaImageToArtwork(image.data, context) : null;
      if (artwork !== null && !artworks.some((other) => other.id === artwork.id)) artworks.push(artwork);
    }
    if (artworks.length === 0 && raw.length > 0) {
      throw new NekodeskError(
        'invalid_response',
        'Nekosia answered without a usable image (missing "id" or "image.original.url").',
      );
    }
    return artworks;
  }
}

/** An unknown id answers 400 with a message saying so; that is `not_found`, not the caller's mistake. */
function notFoundWhenSaid(error: unknown, id: string): unknown {
  if (
    isNekodeskError(error) &&
    (error.code === 'invalid_input' || error.code === 'not_found') &&
    /not\s*found|no image|does ?n[o']t exist|unknown|invalid id|no such/i.test(error.message)
  ) {
    return new NekodeskError('not_found', `Nekosia has no image with the id "${id}".`, {
      cause: error,
      ...(error.status === undefined ? {} : { status: error.status }),
    });
  }
  return error;
}

/** Strings, or objects naming themselves (`{name}` / `{title}` / `{tag}`); anything else is dropped. */
function names(list: unknown[] | undefined): string[] {
  const out = new Set<string>();
  for (const item of (list ?? []).slice(0, MAX_LIST_ITEMS)) {
    const value =
      typeof item === 'object' && item !== null
        ? ((item as Record<string, unknown>).name ??
          (item as Record<string, unknown>).title ??
          (item as Record<string, unknown>).tag)
        : item;
    const text = cleanText(value, 120);
    if (text !== null) out.add(text);
  }
  return [...out];
}

function signalOf(options: CallOptions): { signal?: AbortSignal } {
  return options.signal ? { signal: options.signal } : {};
}
