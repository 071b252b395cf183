import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../main/core/create-core';
import type { SecretName, SecretStore } from '../../../main/core/secrets';
import {
  startFakeNekosBest,
  startFakeNekosia,
  startFakeWhatAnime,
  WHATANIME_DEFAULT_API_KEY,
  type FakeServer,
} from '../../fakes';
import { TEST_HTTP_OPTIONS, useNekodeskHome } from './helpers';

class MemorySecrets implements SecretStore {
  readonly values = new Map<SecretName, string>();
  get(name: SecretName): string | null {
    return this.values.get(name) ?? null;
  }
  set(name: SecretName, value: string): void {
    this.values.set(name, value);
  }
  delete(name: SecretName): void {
    this.values.delete(name);
  }
}

describe('createCore', () => {
  useNekodeskHome();
  let fakes: FakeServer[] = [];
  let urls = { nekosBestUrl: '', nekosiaUrl: '', whatanimeUrl: '' };

  beforeAll(async () => {
    fakes = await Promise.all([startFakeNekosBest(), startFakeNekosia(), startFakeWhatAnime()]);
    const [nekosBest, nekosia, whatanime] = fakes;
    urls = {
      nekosBestUrl: nekosBest?.baseUrl ?? '',
      nekosiaUrl: nekosia?.baseUrl ?? '',
      whatanimeUrl: whatanime?.origin ?? '',
    };
  });
  afterAll(() => Promise.all(fakes.map((fake) => fake.close())));

  it('wires the three clients to the given URLs through one HTTP layer and the given fetch', async () => {
    const seen: string[] = [];
    const core = createCore({
      urls,
      installationId: 'install-0001',
      fetch: (input, init) => {
        seen.push(new URL(input).pathname);
        return globalThis.fetch(input, init);
      },
      http: TEST_HTTP_OPTIONS,
    });
    expect(core.urls).toEqual(urls);
    expect(await core.nekosBest.categoriesFull()).toHaveProperty('neko', { format: 'png' });
    await core.nekosia.images('catgirl', { session: 'id' });
    await core.whatanime.rankings({ limit: 1 });
    expect(seen).toEqual(['/api/v2/endpoints', '/api/v1/images/catgirl', '/api/anime/rankings']);
    const nekosia = fakes[1];
    expect(nekosia?.requests.at(-1)?.query.get('id')).toBe('install-0001');
  });

  it('reads whatanimeisthis.com credentials from the secret store at each request', async () => {
    const secrets = new MemorySecrets();
    const core = createCore({ urls, secrets, http: TEST_HTTP_OPTIONS });
    const whatanime = fakes[2];
    await core.whatanime.search({ url: 'https://example.com/1.png' });
    expect(whatanime?.requests.at(-1)?.headers.authorization).toBeUndefined();
    secrets.set('whatanime.apiKey', WHATANIME_DEFAULT_API_KEY);
    await core.whatanime.search({ url: 'https://example.com/2.png' });
    expect(whatanime?.requests.at(-1)?.headers.authorization).toBe(`Bearer ${WHATANIME_DEFAULT_API_KEY}`);
  });
});
