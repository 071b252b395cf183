import type { Artwork } from '../../artwork';
import type { Clock } from '../../clock';
import { NekodeskError } from '../../errors';
import type { HttpTransport } from '../../http/types';
import { closestName, intInRange, invalidInput } from '../shared/validate';
import { readAssetMetadata, type NekosAssetMetadata } from './asset-metadata';
import { CATEGORY_PATTERN, parseAssetPath, type NekosAssetPath } from './asset-url';
import { TtlCache } from './categories-cache';
import {
  endpointEntrySchema,
  endpointsSchema,
  resultItemSchema,
  resultsSchema,
  type NekosFormat,
} from './schemas';
import { nekosBestItemToArtwork } from './to-artwork';

/** Category name → its asset format, alphabetised by name. */
export type NekosCategories = Record<string, { format: NekosFormat }>;

export type NekosSearchType = 'image' | 'gif';

export interface NekosSearchParams {
  query: string;
  type: NekosSearchType;
  category?: string;
  amount?: number;
}

export interface NekosAsset extends NekosAssetPath {
  url: string;
  kind: 'image' | 'gif';
  contentType: string;
  bytes: Uint8Array;
  metadata: NekosAssetMetadata;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface NekosBestClientOptions {
  /** For the categories cache; default the system clock. */
  clock?: Pick<Clock, 'now'>;
  /** How long the category list is trusted before it is fetched again. Default one hour. */
  categoriesTtlMs?: number;
}

export const NEKOS_MAX_AMOUNT = 20;
const MAX_QUERY_LENGTH = 200;
const MAX_ASSET_BYTES = 40 * 1024 * 1024;
const SEARCH_TYPE: Record<NekosSearchType, string> = { image: '1', gif: '2' };
const FORMAT_OF_TYPE: Record<NekosSearchType, NekosFormat> = { image: 'png', gif: 'gif' };

/** nekos.best API v2: SFW images and reaction GIFs (specs/nekos-best-v2.md). */
export class NekosBestClient {
  readonly #http: HttpTransport;
  readonly #base: URL;
  readonly #baseHref: string;
  readonly #categories: TtlCache<NekosCategories>;

  /** `baseUrl` includes `/api/v2`. */
  constructor(http: HttpTransport, baseUrl: string, options: NekosBestClientOptions = {}) {
    this.#http = http;
    this.#base = new URL(baseUrl.replace(/\/+$/, ''));
    this.#baseHref = this.#base.href.replace(/\/+$/, '');
    const clock = options.clock;
    const now = clock ? () => clock.now() : () => Date.now();
    this.#categories = new TtlCache(() => this.#fetchCategories(), options.categoriesTtlMs ?? 3_600_000, now);
  }

  /** Every category with its format (`/endpoints`, cached for the process). */
  async categoriesFull(): Promise<NekosCategories> {
    return { ...(await this.#categories.get()) };
  }

  /** Every category name, alphabetised. */
  async categories(): Promise<string[]> {
    return Object.keys(await this.#categories.get());
  }

  /** `amount` (1–20) random images or GIFs of one category. */
  async random(category: string, amount = 1, options: CallOptions = {}): Promise<Artwork[]> {
    const checkedAmount = intInRange('amount', amount, 1, NEKOS_MAX_AMOUNT);
    const name = await this.#knownCategory(category);
    const url = this.#url(`/${encodeURIComponent(name)}`, { amount: String(checkedAmount) });
    return this.#results(url, 'nekos.best:category', options);
  }

  /** Searches artist and anime names; `type` picks images or GIFs. Unmatched text still returns (unrelated) items. */
  async search(params: NekosSearchParams, options: CallOptions = {}): Promise<Artwork[]> {
    const query = params.query.trim();
    if (query === '') throw invalidInput('Type something to search for.');
    if (query.length > MAX_QUERY_LENGTH) {
      throw invalidInput(`The search text is too long (at most ${MAX_QUERY_LENGTH} characters).`);
    }
    if (!Object.hasOwn(SEARCH_TYPE, params.type))
      throw invalidInput('The search type must be "image" or "gif".');
    const search: Record<string, string> = { query, type: SEARCH_TYPE[params.type] };
    if (params.amount !== undefined) {
      search.amount = String(intInRange('amount', params.amount, 1, NEKOS_MAX_AMOUNT));
    }
    if (params.category !== undefined && params.category.trim() !== '') {
      const name = await this.#knownCategory(params.category);
      const format = (await this.#categories.get())[name]?.format;
      if (format !== undefined && format !== FORMAT_OF_TYPE[params.type]) {
        const type = format === 'gif' ? 'gif' : 'image';
        throw invalidInput(`"${name}" holds ${type}s, not ${params.type}s; search it with type ${type}.`);
      }
      search.category = name;
    }
    return this.#results(this.#url('/search', search), 'nekos.best:search', options);
  }

  /** True when `url` is an asset of the configured nekos.best (the only URLs `asset` fetches). */
  isAssetUrl(url: string): boolean {
    return this.#assetPath(url) !== null;
  }

  /** Where an asset URL points (category, file); `invalid_input` for any URL `asset` would refuse. */
  assetPath(url: string): NekosAssetPath {
    const path = this.#assetPath(url);
    if (path === null) {
      throw invalidInput(
        `Not a nekos.best asset URL: expected ${this.#baseHref}/<category>/<file>.png or .gif, as shown by a search.`,
      );
    }
    return path;
  }

  /** The asset's bytes and the metadata nekos.best sends in its headers (decoded). Only URLs under the base. */
  async asset(url: string, options: CallOptions = {}): Promise<NekosAsset> {
    const path = this.assetPath(url);
    const response = await this.#http.bytes(url, {
      limiter: 'nekos.best:asset',
      maxBytes: MAX_ASSET_BYTES,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const contentType =
      (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (contentType !== '' && !contentType.startsWith('image/')) {
      throw new NekodeskError(
        'invalid_response',
        `nekos.best sent ${contentType} instead of an image; try again later.`,
      );
    }
    if (response.data.byteLength === 0)
      throw new NekodeskError('invalid_response', 'nekos.best sent an empty file.');
    return {
      ...path,
      url: new URL(url).href,
      kind: path.format === 'gif' ? 'gif' : 'image',
      contentType: contentType === '' ? `image/${path.format}` : contentType,
      bytes: response.data,
      metadata: readAssetMetadata(response.headers),
    };
  }

  #assetPath(url: string): NekosAssetPath | null {
    if (!URL.canParse(url)) return null;
    const parsed = new URL(url);
    const basePath = this.#base.pathname.replace(/\/+$/, '');
    if (parsed.origin !== this.#base.origin || parsed.username !== '' || parsed.password !== '') return null;
    if (parsed.search !== '' || parsed.hash !== '') return null;
    if (!parsed.pathname.startsWith(`${basePath}/`)) return null;
    const rest = parsed.pathname.slice(basePath.length);
    if (rest.split('/').length !== 3) return null;
    return parseAssetPath(rest);
  }

  async #knownCategory(input: string): Promise<string> {
    const name = input.trim().toLowerCase();
    if (!CATEGORY_PATTERN.test(name)) {
      throw invalidInput(`"${input}" is not a nekos.best category name.`);
    }
    const known = await this.#categories.get();
    if (!Object.hasOwn(known, name)) {
      const suggestion = closestName(name, Object.keys(known));
      throw invalidInput(
        `Unknown nekos.best category "${name}"` + (suggestion ? ` — did you mean "${suggestion}"?` : '.'),
      );
    }
    return name;
  }

  async #results(url: string, limiter: string, options: CallOptions): Promise<Artwork[]> {
    const response = await this.#http.json(url, resultsSchema, {
      limiter,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const artworks: Artwork[] = [];
    const seen = new Set<string>();
    for (const raw of response.data.results) {
      const item = resultItemSchema.safeParse(raw);
      const artwork = item.success ? nekosBestItemToArtwork(item.data) : null;
      if (artwork !== null && !seen.has(artwork.id)) {
        seen.add(artwork.id);
        artworks.push(artwork);
      }
    }
    if (artworks.length === 0 && response.data.results.length > 0) {
      throw new NekodeskError('invalid_response', 'nekos.best answered with no usable images.');
    }
    return artworks;
  }

  async #fetchCategories(): Promise<NekosCategories> {
    const response = await this.#http.json(this.#url('/endpoints'), endpointsSchema, {
      limiter: 'nekos.best:category',
    });
    const entries: [string, { format: NekosFormat }][] = [];
    for (const [name, value] of Object.entries(response.data)) {
      const entry = endpointEntrySchema.safeParse(value);
      if (CATEGORY_PATTERN.test(name) && entry.success) entries.push([name, { format: entry.data.format }]);
    }
    if (entries.length === 0) {
      throw new NekodeskError('invalid_response', 'nekos.best listed no categories.');
    }
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries);
  }

  #url(path: string, query: Record<string, string> = {}): string {
    const url = new URL(this.#baseHref + path);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    return url.href;
  }
}
