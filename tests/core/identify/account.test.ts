import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../../main/core/clock';
import { HttpClient } from '../../../main/core/http';
import { ACCOUNT_FILE_NAME, maskKey, NO_SECURE_STORAGE } from '../../../main/core/identify';
import { WhatAnimeClient } from '../../../main/core/sources/whatanime/client';
import { WHATANIME_DEFAULT_API_KEY, WHATANIME_DEFAULT_USER } from '../../fakes';
import { failure, TEST_HTTP_OPTIONS } from '../sources/helpers';
import { useIdentifyHarness, type Harness } from './service-setup';

const { email, password } = WHATANIME_DEFAULT_USER;

describe('the whatanimeisthis.com account', () => {
  const harness = useIdentifyHarness();
  const bearer = (h: Harness) => h.searches().map((r) => r.headers.authorization ?? null);

  it('is a guest by default, with the guest quota once a search reported it', async () => {
    const h = await harness({ previews: 'none' });
    expect(await h.service.account()).toEqual({
      kind: 'guest',
      maskedKey: null,
      email: null,
      quota: null,
      secureStorage: true,
    });
    await h.service.identifyUrl('https://example.com/a.png');
    expect((await h.service.account()).quota).toEqual({ remaining: 4, limit: 5 });
  });

  it('says clearly when the guest searches of the day are spent, and remembers it', async () => {
    const h = await harness({ previews: 'none', settings: { keepHistory: false } });
    for (let i = 0; i < 5; i++) await h.service.identifyUrl(`https://example.com/${i}.png`);
    const error = await failure(h.service.identifyUrl('https://example.com/6.png'), 'quota_exceeded');
    expect(error.message).toMatch(/used the free guest searches on whatanimeisthis\.com for today\. Sign in/);
    expect((await h.service.account()).quota).toEqual({ remaining: 0, limit: 5 });

    // Asked again, it says the same without a request (not "slow down, try again in N minutes").
    const searches = () => h.fake.requests.filter((request) => request.path === '/api/anime/search').length;
    const before = searches();
    const again = await failure(h.service.identifyUrl('https://example.com/7.png'), 'quota_exceeded');
    expect(again.message).toMatch(/for today\. Sign in \(or add an API key\) for more/);
    expect(searches()).toBe(before);
  });

  it('keeps an API key, shows it only masked, and searches with it', async () => {
    const h = await harness({ previews: 'none' });
    const account = await h.service.setApiKey(`  ${WHATANIME_DEFAULT_API_KEY} `);
    expect(account).toMatchObject({ kind: 'api-key', maskedKey: 'wa_f…mnop', email: null, quota: null });
    expect(JSON.stringify(account)).not.toContain(WHATANIME_DEFAULT_API_KEY);
    expect(h.secrets.get('whatanime.apiKey')).toBe(WHATANIME_DEFAULT_API_KEY);
    await h.service.identifyUrl('https://example.com/a.png');
    expect(bearer(h)).toEqual([`Bearer ${WHATANIME_DEFAULT_API_KEY}`]);
    // The key's own quota replaces the guest's.
    expect((await h.service.account()).quota).toEqual({ remaining: 29, limit: 10 });
    expect(readFileSync(path.join(h.dataDir, ACCOUNT_FILE_NAME), 'utf8')).not.toContain(
      WHATANIME_DEFAULT_API_KEY,
    );
  });

  it('refuses a key that cannot be one, keeping nothing', async () => {
    const h = await harness();
    const error = await failure(h.service.setApiKey('has spaces in it'), 'invalid_input');
    expect(error.message).toMatch(/does not look like an API key/);
    expect(h.storedSecrets()).toEqual({});
  });

  it('says which credential failed when the service refuses the key', async () => {
    const h = await harness({ previews: 'none' });
    await h.service.setApiKey('wa_not_a_real_key_123');
    const error = await failure(h.service.identifyUrl('https://example.com/a.png'), 'unauthorized');
    expect(error.message).toMatch(/Your API key was refused/);
  });

  it('signs in with email and password: the session kept as a secret, the email shown, credits and keys listed', async () => {
    const h = await harness();
    const account = await h.service.signIn(email, password);
    expect(account).toMatchObject({ kind: 'session', email, maskedKey: null });
    expect(h.secrets.get('whatanime.session')).toMatch(/^better-auth\.session_token=/);
    expect(JSON.stringify(account)).not.toContain('session_token');
    expect(await h.service.credits()).toMatchObject({
      credits: 20,
      dailyFreeCredits: 10,
      dailyFreeRemaining: 10,
    });
    const keys = await h.service.apiKeys(1);
    expect(keys).toMatchObject({ page: 1, total: 1, items: [{ title: 'default', prefix: 'wa_fake' }] });
  });

  it('refuses a wrong password without keeping anything', async () => {
    const h = await harness();
    const error = await failure(h.service.signIn(email, 'wrong'), 'unauthorized');
    expect(error.message).toBe('Wrong email or password.');
    expect(h.storedSecrets()).toEqual({});
    expect((await h.service.account()).kind).toBe('guest');
  });

  it('creates an API key, keeps it for searches, and never hands its plaintext out', async () => {
    const h = await harness({ previews: 'none' });
    await h.service.signIn(email, password);
    const account = await h.service.createApiKey('laptop');
    const key = h.secrets.get('whatanime.apiKey') ?? '';
    expect(key).toMatch(/^wa_[0-9a-f]{32}$/);
    expect(account).toMatchObject({ kind: 'session', email, maskedKey: maskKey(key) });
    expect(JSON.stringify(account)).not.toContain(key);
    await h.service.identifyUrl('https://example.com/a.png');
    expect(bearer(h)).toEqual([`Bearer ${key}`]);
    expect((await h.service.apiKeys(1)).items.map((k) => k.title)).toEqual(['default', 'laptop']);
  });

  it('signing out wipes the key, the session and the email', async () => {
    const h = await harness();
    await h.service.signIn(email, password);
    await h.service.createApiKey('laptop');
    expect(await h.service.signOut()).toEqual({
      kind: 'guest',
      maskedKey: null,
      email: null,
      quota: null,
      secureStorage: true,
    });
    expect(h.storedSecrets()).toEqual({});
    expect(JSON.parse(readFileSync(path.join(h.dataDir, ACCOUNT_FILE_NAME), 'utf8'))).toMatchObject({
      email: null,
    });
  });

  it('asks for a sign-in (not a key) for credits and keys', async () => {
    const h = await harness();
    await h.service.setApiKey(WHATANIME_DEFAULT_API_KEY);
    const error = await failure(h.service.credits(), 'unauthorized');
    expect(error.message).toBe(
      'Sign in to whatanimeisthis.com with your email to see your credits (an API key alone is not enough).',
    );
    await failure(h.service.apiKeys(1), 'unauthorized');
    await failure(h.service.createApiKey('x'), 'unauthorized');
    expect(h.fake.requests).toHaveLength(0);
  });

  it('without encrypted storage, refuses to keep a key or a session and says why', async () => {
    const h = await harness({ secureStorage: false });
    for (const attempt of [
      h.service.setApiKey(WHATANIME_DEFAULT_API_KEY),
      h.service.signIn(email, password),
      h.service.createApiKey('x'),
    ]) {
      const error = await failure(attempt, 'unauthorized');
      expect(error.message).toBe(NO_SECURE_STORAGE);
    }
    expect(h.storedSecrets()).toEqual({});
    expect(h.fake.requests).toHaveLength(0);
    expect(await h.service.account()).toMatchObject({ kind: 'guest', secureStorage: false });
  });

  // The guest's 429 carries Retry-After until midnight, which pauses the guest's search limiter that long; a
  // signed-in search draws from its own limiter, so it is not held back (or refused) by that pause.
  it('after the guest limit, signing in gives searches again', async () => {
    const h = await harness({ previews: 'none', settings: { keepHistory: false } });
    for (let i = 0; i < 5; i++) await h.service.identifyUrl(`https://example.com/${i}.png`);
    await failure(h.service.identifyUrl('https://example.com/6.png'), 'quota_exceeded');
    await h.service.signIn(email, password);
    const result = await h.service.identifyUrl('https://example.com/7.png');
    expect(result.candidates).toHaveLength(5);
    expect((await h.service.account()).quota).toEqual({ remaining: 29, limit: 10 });
  });
});

describe('the account with odd answers from whatanimeisthis.com', () => {
  const harness = useIdentifyHarness();

  /** A client of a whatanimeisthis.com that answers every search and sign-in with these bodies. */
  function oddService(answers: { search: unknown; signIn: unknown }): WhatAnimeClient {
    const http = new HttpClient({
      ...TEST_HTTP_OPTIONS,
      clock: systemClock,
      fetch: (url) => {
        const body = url.endsWith('/api/anime/search') ? answers.search : answers.signIn;
        const headers = new Headers({ 'content-type': 'application/json' });
        headers.append('set-cookie', 'better-auth.session_token=abc.def; Path=/; HttpOnly');
        return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers }));
      },
    });
    return new WhatAnimeClient(http, 'https://whatanimeisthis.test');
  }

  it('shows and keeps no quota that cannot be one, and keeps its file readable', async () => {
    const first = await harness({ previews: 'none' });
    const odd = oddService({
      search: { result: [], quota: { remaining: 1e20, limit: -3 } },
      signIn: { user: { email: `${'a'.repeat(300)}@example.com` } },
    });
    const h = await harness({ whatanime: () => odd, dataDir: first.dataDir, previews: 'none' });
    expect((await h.service.identifyUrl('https://example.com/a.png')).quota).toBeNull();
    const account = await h.service.signIn(email, password);
    expect(account.email?.length).toBeLessThanOrEqual(254);

    // A fresh start reads the account file back as it was written: no repair, the email kept.
    const reopened = await harness({ dataDir: first.dataDir, secrets: h.secrets });
    expect(await reopened.service.account()).toMatchObject({ kind: 'session', email: account.email });
    expect(reopened.notices).toEqual([]);
  });
});

describe('maskKey', () => {
  it('shows the first and last four characters of a long key, only the last four of a short one', () => {
    expect(maskKey('abcdefghijklmnopwxyz')).toBe('abcd…wxyz');
    expect(maskKey('short123key')).toBe('…3key');
  });
});
