import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import type {
  IdentifyAccount,
  IdentifyHistoryPage,
  IdentifyRankingsPage,
  IdentifyRecentPage,
  IdentifyResult,
  IdentifySource,
  RankingPeriod,
} from '../../../preload/contract';
import { systemClock, type Clock } from '../clock';
import { isNekodeskError, NekodeskError } from '../errors';
import type { HttpTransport } from '../http/types';
import type { SecretStore } from '../secrets';
import type { IdentifySettings } from '../settings/settings-schema';
import { cleanText, httpUrlOrNull } from '../sources/shared/sanitize';
import type { WhatAnimeClient, WhatAnimeSearchInput } from '../sources/whatanime/client';
import type {
  WhatAnimeApiKeyPage,
  WhatAnimeCredits,
  WhatAnimeSearchResult,
} from '../sources/whatanime/types';
import { AccountKeeper } from './account';
import { AccountFile } from './account-file';
import { Browse } from './browse';
import { storeCandidate, toIdentifyCandidate, type PreviewPolicy } from './candidates';
import { cleanImage } from './clean-image';
import { HistoryFile, keysOf, MAX_HISTORY_ENTRIES, type StoredResult } from './history-file';
import { identifyImageDir } from './image-keys';
import { MediaStore } from './media-store';

export interface IdentifyServiceOptions {
  /** The live core's whatanimeisthis.com client (re-created when settings change: call it each time). */
  whatanime: () => WhatAnimeClient;
  /** For downloading candidates' preview images/videos and ranking covers (size-capped, through the HTTP layer). */
  http: () => HttpTransport;
  /** identify-history.json (and the account's non-secret details) live here. */
  dataDir: string;
  /** Cleaned uploads, previews and covers are kept under identifyImageDir(cacheDir). */
  cacheDir: string;
  /** 'whatanime.apiKey' and 'whatanime.session' are kept here (the client reads them per request). */
  secrets: SecretStore;
  /** False when secrets cannot be stored encrypted: storing a key or a session is refused, with the reason. */
  secureStorage: boolean;
  settings: () => IdentifySettings;
  /** How the renderer names an image key `i/<name>` (`nekodesk://cache/i/<name>` in the app). */
  imageUrl: (key: string) => string;
  clock?: Clock;
  /** Which previews a search downloads. Default `all` (stills and clips). */
  previews?: PreviewPolicy;
  /**
   * The file name (in `dataDir`) of the account's plain details. Default `identify-account.json`; the CLI, whose
   * secrets are its own, keeps its own file so neither shows the other's email.
   */
  accountFile?: string;
  /**
   * How long a search waits for its candidates' previews, all together, before answering without the ones still
   * downloading (they are then shown as none). Default `PREVIEWS_BUDGET_MS`.
   */
  previewsBudgetMs?: number;
  /** Repairs of the history or account file, as they happen (the app logs them). */
  onNotice?: (notice: string) => void;
}

/** Images of results never saved to the history are deleted after this long (the view showing them is gone). */
export const UNSAVED_MEDIA_TTL_MS = 24 * 60 * 60_000;
/** A slow media host must not hold the answer back: the match matters more than its pictures. */
export const PREVIEWS_BUDGET_MS = 8_000;
const MAX_URL_LENGTH = 2048;
const UPLOAD_NAME = 'screenshot.jpg';
const GUEST_QUOTA_USED =
  'You have used the free guest searches on whatanimeisthis.com for today. Sign in (or add an API key) for more, or try again tomorrow.';

/**
 * Screenshot identification (fits `IdentifyPort` of main/identify-handlers.ts): cleans the image, searches
 * whatanimeisthis.com, downloads every candidate's previews into the cache, keeps a local history, and browses
 * rankings and recent searches; the account side is `AccountKeeper`'s.
 */
export class IdentifyService {
  readonly #o: IdentifyServiceOptions;
  readonly #clock: Clock;
  readonly #media: MediaStore;
  readonly #history: HistoryFile;
  readonly #account: AccountKeeper;
  readonly #browse: Browse;

  constructor(options: IdentifyServiceOptions) {
    this.#o = options;
    this.#clock = options.clock ?? systemClock;
    this.#media = new MediaStore(identifyImageDir(options.cacheDir), options.http);
    const fileOptions = {
      now: () => this.#clock.now(),
      ...(options.onNotice ? { onNotice: options.onNotice } : {}),
    };
    this.#history = new HistoryFile(options.dataDir, fileOptions);
    this.#account = new AccountKeeper({
      whatanime: options.whatanime,
      secrets: options.secrets,
      secureStorage: options.secureStorage,
      file: new AccountFile(options.dataDir, fileOptions, options.accountFile),
      clock: this.#clock,
    });
    this.#browse = new Browse({
      whatanime: options.whatanime,
      media: this.#media,
      clock: this.#clock,
      showAdult: () => options.settings().showAdult,
      imageUrl: (key) => (key === null ? null : options.imageUrl(key)),
    });
  }

  /** Creates the folders, reads (and if needed repairs) the history, and deletes unsaved results' old images. */
  async open(): Promise<void> {
    await Promise.all([
      mkdir(this.#o.dataDir, { recursive: true }),
      mkdir(this.#media.dir, { recursive: true }),
    ]);
    const history = await this.#history.read();
    const keep = new Set(history.entries.flatMap(keysOf));
    await this.#media.prune(keep, UNSAVED_MEDIA_TTL_MS, this.#clock.now());
  }

  /** Cleans the image (rotate, crop borders, ≤1280 px, JPEG, no metadata) and identifies it. */
  async identifyImage(
    image: Uint8Array,
    meta: { name: string; source: IdentifySource },
  ): Promise<IdentifyResult> {
    const label = cleanText(meta.name, 260) ?? 'The image';
    const cleaned = await cleanImage(image, label);
    const imageKey = await this.#media.saveUpload(cleaned.jpeg);
    // A neutral name: the file's own name may say more about the person than the picture does.
    return this.#identify(
      { image: { bytes: cleaned.jpeg, fileName: UPLOAD_NAME, contentType: 'image/jpeg' } },
      { source: meta.source, label, upload: cleaned.upload, imageKey },
    );
  }

  /** Identifies a public http(s) image URL (the service fetches it). */
  async identifyUrl(url: string): Promise<IdentifyResult> {
    const text = url.trim();
    const safe = text.length <= MAX_URL_LENGTH ? httpUrlOrNull(text) : null;
    if (safe === null) {
      throw new NekodeskError(
        'invalid_input',
        `Only public http(s) image URLs of up to ${MAX_URL_LENGTH} characters can be identified.`,
      );
    }
    return this.#identify({ url: safe }, { source: 'url', label: safe, upload: null, imageKey: null });
  }

  async #identify(
    input: WhatAnimeSearchInput,
    entry: Pick<StoredResult, 'source' | 'label' | 'upload' | 'imageKey'>,
  ): Promise<IdentifyResult> {
    const who = this.#account.searcher();
    // A guest who used today's searches would otherwise be told to wait for our limiter (paused until the
    // service's reset) as if it were a short rate limit; say what it is, without a request.
    if (who === 'guest' && (await this.#account.account()).quota?.remaining === 0) {
      throw new NekodeskError('quota_exceeded', GUEST_QUOTA_USED);
    }
    let found: WhatAnimeSearchResult;
    try {
      found = await this.#o.whatanime().search(input);
    } catch (error) {
      if (isNekodeskError(error) && error.code === 'quota_exceeded') await this.#account.noteExhausted(who);
      throw error;
    }
    await this.#account.noteQuota(found.quota, who);
    const settings = this.#o.settings();
    const signal = AbortSignal.timeout(this.#o.previewsBudgetMs ?? PREVIEWS_BUDGET_MS);
    const candidates = await Promise.all(
      found.candidates.map((candidate) =>
        storeCandidate(candidate, this.#media, {
          previews: this.#o.previews ?? 'all',
          showAdult: settings.showAdult,
          signal,
        }),
      ),
    );
    const stored: StoredResult = {
      id: randomUUID(),
      at: this.#clock.now(),
      ...entry,
      candidates,
      quota: found.quota,
    };
    if (settings.keepHistory) await this.#remember(stored);
    return this.#toResult(stored, null);
  }

  /** Adds an entry, newest first; entries beyond the cap go, with the images no other entry uses. */
  async #remember(entry: StoredResult): Promise<void> {
    let dropped: StoredResult[] = [];
    const data = await this.#history.update((current) => {
      const entries = [entry, ...current.entries];
      dropped = entries.slice(MAX_HISTORY_ENTRIES);
      return { ...current, entries: entries.slice(0, MAX_HISTORY_ENTRIES) };
    });
    await this.#forget(dropped, data.entries);
  }

  /** Deletes the images of `gone` that none of `left` still shows. */
  async #forget(gone: readonly StoredResult[], left: readonly StoredResult[]): Promise<void> {
    if (gone.length === 0) return;
    const used = new Set(left.flatMap(keysOf));
    await this.#media.remove(gone.flatMap(keysOf).filter((key) => !used.has(key)));
  }

  /** The result as the renderer sees it; `present`, when given, says which image files still exist. */
  #toResult(stored: StoredResult, present: ReadonlySet<string> | null): IdentifyResult {
    const url = (key: string | null): string | null =>
      key === null || (present !== null && !present.has(key)) ? null : this.#o.imageUrl(key);
    return {
      id: stored.id,
      at: stored.at,
      source: stored.source,
      label: stored.label,
      candidates: stored.candidates.map((candidate) => toIdentifyCandidate(candidate, url)),
      quota: stored.quota,
      upload: stored.upload,
      imageUrl: url(stored.imageKey),
    };
  }

  async history(page: { offset: number; limit: number }): Promise<IdentifyHistoryPage> {
    const { entries } = await this.#history.read();
    const slice = entries.slice(page.offset, page.offset + page.limit);
    // The cache folder may have been cleared: a missing image is shown as none rather than as a broken one.
    const keys = [...new Set(slice.flatMap(keysOf))];
    const exists = await Promise.all(keys.map((key) => this.#media.exists(key)));
    const present = new Set(keys.filter((_, i) => exists[i]));
    return { items: slice.map((entry) => this.#toResult(entry, present)), total: entries.length };
  }

  /** Deletes one entry, or every entry when `id` is undefined, with their images; answers the first page left. */
  async deleteHistory(id: string | undefined, page: { limit: number }): Promise<IdentifyHistoryPage> {
    let gone: StoredResult[] = [];
    const data = await this.#history.update((current) => {
      gone = current.entries.filter((entry) => id === undefined || entry.id === id);
      return { ...current, entries: current.entries.filter((entry) => !gone.includes(entry)) };
    });
    if (id !== undefined && gone.length === 0) {
      throw new NekodeskError('not_found', 'That identification is no longer in the history.');
    }
    await this.#forget(gone, data.entries);
    return this.history({ offset: 0, limit: page.limit });
  }

  rankings(period: RankingPeriod, page: { offset: number; limit: number }): Promise<IdentifyRankingsPage> {
    return this.#browse.rankings(period, page);
  }

  recent(page: { offset: number; limit: number }): Promise<IdentifyRecentPage> {
    return this.#browse.recent(page);
  }

  account(): Promise<IdentifyAccount> {
    return this.#account.account();
  }

  setApiKey(key: string): Promise<IdentifyAccount> {
    return this.#account.setApiKey(key);
  }

  signIn(email: string, password: string): Promise<IdentifyAccount> {
    return this.#account.signIn(email, password);
  }

  signOut(): Promise<IdentifyAccount> {
    return this.#account.signOut();
  }

  credits(): Promise<WhatAnimeCredits> {
    return this.#account.credits();
  }

  apiKeys(page: number): Promise<WhatAnimeApiKeyPage> {
    return this.#account.apiKeys(page);
  }

  createApiKey(title: string): Promise<IdentifyAccount> {
    return this.#account.createApiKey(title);
  }
}

/** Opens the service: its folders exist and its history was read (and repaired if needed) before the first call. */
export async function openIdentifyService(options: IdentifyServiceOptions): Promise<IdentifyService> {
  const service = new IdentifyService(options);
  await service.open();
  return service;
}
