// An IdentifyService over the fake whatanimeisthis.com, with temporary folders and an in-memory secret store.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import { systemClock } from '../../../main/core/clock';
import { HttpClient, NO_RATE_LIMIT, UPSTREAM_RATE_LIMITS } from '../../../main/core/http';
import {
  identifyImageDir,
  identifyImageFile,
  openIdentifyService,
  type IdentifyService,
  type IdentifyServiceOptions,
} from '../../../main/core/identify';
import { FileSecretStore, fileModeCodec, SECRET_NAMES, type SecretName } from '../../../main/core/secrets';
import { identifySettingsSchema, type IdentifySettings } from '../../../main/core/settings/settings-schema';
import { secretStoreAuth } from '../../../main/core/sources/whatanime/auth';
import { WhatAnimeClient } from '../../../main/core/sources/whatanime/client';
import { startFakeWhatAnime, type FakeWhatAnime, type FakeWhatAnimeOptions } from '../../fakes';
import { useTempDir } from '../../support/temp-dir';
import { TEST_HTTP_OPTIONS } from '../sources/helpers';

/** How the tests name image keys to "the renderer". */
export const TEST_IMAGE_URL = (key: string): string => `test-cache://${key}`;

export interface Harness {
  service: IdentifyService;
  fake: FakeWhatAnime;
  secrets: FileSecretStore;
  /** Every secret kept, by name (what a test checks was kept, or wiped). */
  storedSecrets(): Partial<Record<SecretName, string>>;
  settings: IdentifySettings;
  dataDir: string;
  cacheDir: string;
  notices: string[];
  /** The file behind a `test-cache://i/<name>` URL, or null when it is not one of ours. */
  fileOf(url: string | null): string | null;
  /** Searches the fake saw. */
  searches(): FakeWhatAnime['requests'];
}

/** A fresh fake and service per call; both are closed after the test. */
export type HarnessOptions = Partial<Omit<IdentifyServiceOptions, 'settings'>> & {
  fake?: FakeWhatAnimeOptions;
  settings?: Partial<IdentifySettings>;
};

export function useIdentifyHarness(): (options?: HarnessOptions) => Promise<Harness> {
  const temp = useTempDir('nekodesk-identify-');
  const fakes: FakeWhatAnime[] = [];
  afterEach(async () => {
    await Promise.all(fakes.splice(0).map((fake) => fake.close()));
  });
  return async (options = {}) => {
    const { fake: fakeOptions, settings: settingsPatch, ...serviceOptions } = options;
    const fake = await startFakeWhatAnime({ enforceRateLimits: false, ...fakeOptions });
    fakes.push(fake);
    const root = temp();
    const dataDir = path.join(root, 'data');
    const cacheDir = path.join(root, 'cache');
    const secrets = new FileSecretStore(path.join(root, 'secrets.json'), fileModeCodec);
    const settings = identifySettingsSchema.parse(settingsPatch ?? {});
    const http = new HttpClient({
      fetch: (input, init) => globalThis.fetch(input, init),
      clock: systemClock,
      ...TEST_HTTP_OPTIONS,
      timeoutMs: 5_000,
      // The tests do not wait for our own pacing (API calls, one search per 2 s). A server's Retry-After still
      // pauses a limiter without rules, so the guest's day-long pause at its quota is still what it is.
      limits: {
        ...UPSTREAM_RATE_LIMITS,
        whatanime: NO_RATE_LIMIT,
        'whatanime:search': NO_RATE_LIMIT,
        'whatanime:search:guest': NO_RATE_LIMIT,
      },
    });
    const client = new WhatAnimeClient(http, fake.origin, secretStoreAuth(secrets), {
      searchTimeoutMs: 5_000,
    });
    const notices: string[] = [];
    const service = await openIdentifyService({
      whatanime: () => client,
      http: () => http,
      dataDir,
      cacheDir,
      secrets,
      secureStorage: true,
      settings: () => settings,
      imageUrl: TEST_IMAGE_URL,
      onNotice: (notice) => notices.push(notice),
      ...serviceOptions,
    });
    return {
      service,
      fake,
      secrets,
      settings,
      dataDir,
      cacheDir,
      notices,
      storedSecrets: () => {
        const kept: Partial<Record<SecretName, string>> = {};
        for (const name of SECRET_NAMES) {
          const value = secrets.get(name);
          if (value !== null) kept[name] = value;
        }
        return kept;
      },
      fileOf: (url) => {
        if (url === null || !url.startsWith('test-cache://')) return null;
        return identifyImageFile(identifyImageDir(cacheDir), url.slice('test-cache://'.length));
      },
      searches: () => fake.requests.filter((request) => request.path === '/api/anime/search'),
    };
  };
}

export function fileExists(file: string | null): boolean {
  return file !== null && existsSync(file);
}
