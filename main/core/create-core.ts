import { systemClock, type Clock } from './clock';
import { HttpClient, UPSTREAM_RATE_LIMITS, type FetchLike, type HttpClientOptions } from './http';
import type { SecretStore } from './secrets';
import type { ServiceUrls } from './service-urls';
import { NekosBestClient } from './sources/nekos-best/client';
import { NekosiaClient } from './sources/nekosia/client';
import { guestAuth, secretStoreAuth, type WhatAnimeAuthProvider } from './sources/whatanime/auth';
import { WhatAnimeClient } from './sources/whatanime/client';

export interface CreateCoreOptions {
  /** Resolved service URLs (see `resolveServiceUrls`). */
  urls: ServiceUrls;
  /** This installation's id: Nekosia's per-user session, so images do not repeat. */
  installationId?: string;
  /** Default the global fetch. */
  fetch?: FetchLike;
  /** Default the system clock. */
  clock?: Clock;
  /** whatanimeisthis.com credentials, asked before each request. Default: from `secrets`, else a guest. */
  auth?: WhatAnimeAuthProvider;
  /** Where the whatanimeisthis.com API key and session are kept (used when `auth` is not given). */
  secrets?: SecretStore;
  /** Overrides for the HTTP layer (tests use short timeouts and few retries). Limits default to the documented ones. */
  http?: Partial<Omit<HttpClientOptions, 'fetch' | 'clock'>>;
  /** How long nekos.best's category list is cached. Default one hour. */
  categoriesTtlMs?: number;
  /** Per attempt, for whatanimeisthis.com searches (slower than other requests). Default one minute. */
  searchTimeoutMs?: number;
}

/** The core's network side: one HTTP layer shared by the three API clients. */
export interface Core {
  urls: ServiceUrls;
  http: HttpClient;
  nekosBest: NekosBestClient;
  nekosia: NekosiaClient;
  whatanime: WhatAnimeClient;
}

export function createCore(options: CreateCoreOptions): Core {
  const clock = options.clock ?? systemClock;
  const http = new HttpClient({
    limits: UPSTREAM_RATE_LIMITS,
    ...options.http,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    clock,
  });
  const auth = options.auth ?? (options.secrets ? secretStoreAuth(options.secrets) : guestAuth);
  return {
    urls: options.urls,
    http,
    nekosBest: new NekosBestClient(http, options.urls.nekosBestUrl, {
      clock,
      ...(options.categoriesTtlMs === undefined ? {} : { categoriesTtlMs: options.categoriesTtlMs }),
    }),
    nekosia: new NekosiaClient(http, options.urls.nekosiaUrl, {
      ...(options.installationId === undefined ? {} : { defaultSessionId: options.installationId }),
    }),
    whatanime: new WhatAnimeClient(http, options.urls.whatanimeUrl, auth, {
      ...(options.searchTimeoutMs === undefined ? {} : { searchTimeoutMs: options.searchTimeoutMs }),
    }),
  };
}
