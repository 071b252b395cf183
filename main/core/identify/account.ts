import type { IdentifyAccount, IdentifyQuota } from '../../../preload/contract';
import type { Clock } from '../clock';
import { NekodeskError } from '../errors';
import type { SecretStore } from '../secrets';
import { cleanText } from '../sources/shared/sanitize';
import type { WhatAnimeClient } from '../sources/whatanime/client';
import type { WhatAnimeApiKeyPage, WhatAnimeCredits, WhatAnimeQuota } from '../sources/whatanime/types';
import type { AccountFile, StoredQuota } from './account-file';

export type AccountKind = IdentifyAccount['kind'];

/** whatanimeisthis.com's documented guest allowance, for the limit when the service has not said it. */
export const GUEST_DAILY_SEARCHES = 5;

export const NO_SECURE_STORAGE =
  'This system offers no encrypted storage for secrets (on Linux, a keyring such as GNOME Keyring or KWallet ' +
  'must be running), so Nekodesk will not keep an API key or a sign-in. You can still search as a guest.';

const PRINTABLE_KEY = /^[\x21-\x7e]+$/;

/** `abcd…wxyz`: enough to recognise a key, never enough to use it. Short keys show only their end. */
export function maskKey(key: string): string {
  return key.length >= 16 ? `${key.slice(0, 4)}…${key.slice(-4)}` : `…${key.slice(-4)}`;
}

function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export interface AccountOptions {
  whatanime: () => WhatAnimeClient;
  secrets: SecretStore;
  secureStorage: boolean;
  file: AccountFile;
  clock: Clock;
}

/**
 * The whatanimeisthis.com account as Nekodesk keeps it: a guest, an API key, or a signed-in session. The key
 * and the session cookie live only in the secret store (encrypted by the app, 0600 for the CLI) and never leave
 * this class except masked; the email and the last quota the service reported sit in a small plain file.
 */
export class AccountKeeper {
  readonly #o: AccountOptions;

  constructor(options: AccountOptions) {
    this.#o = options;
  }

  /** Who searches: an API key wins over a session (as the client sends them). */
  searcher(): AccountKind {
    if (this.#o.secrets.get('whatanime.apiKey') !== null) return 'api-key';
    return this.#o.secrets.get('whatanime.session') !== null ? 'session' : 'guest';
  }

  async account(): Promise<IdentifyAccount> {
    const { secrets } = this.#o;
    const key = secrets.get('whatanime.apiKey');
    const session = secrets.get('whatanime.session');
    const data = await this.#o.file.read();
    const kind: AccountKind = session !== null ? 'session' : key !== null ? 'api-key' : 'guest';
    return {
      kind,
      maskedKey: key === null ? null : maskKey(key),
      email: session === null ? null : data.email,
      quota: this.#currentQuota(data.quota),
      secureStorage: this.#o.secureStorage,
    };
  }

  /** The last quota, if it is today's and about whoever searches now. */
  #currentQuota(quota: StoredQuota | null): IdentifyQuota | null {
    if (quota === null || quota.day !== utcDay(this.#o.clock.now()) || quota.who !== this.searcher())
      return null;
    return { remaining: quota.remaining, limit: quota.limit };
  }

  /** Remembers what a search reported (or, after the daily limit, that nothing is left). */
  async noteQuota(quota: WhatAnimeQuota | null, who: AccountKind): Promise<void> {
    if (quota === null) return;
    const remaining = Math.max(0, Math.floor(quota.remaining));
    const limit = Math.max(0, Math.floor(quota.limit));
    const day = utcDay(this.#o.clock.now());
    await this.#o.file.update((data) => ({ ...data, quota: { remaining, limit, day, who } }));
  }

  async noteExhausted(who: AccountKind): Promise<void> {
    const data = await this.#o.file.read();
    const known = data.quota?.who === who ? data.quota.limit : null;
    const limit = known ?? (who === 'guest' ? GUEST_DAILY_SEARCHES : 0);
    await this.noteQuota({ remaining: 0, limit }, who);
  }

  /**
   * Keeps an API key for searches. The service offers no free way to check a key (credits and key lists need
   * a session; a search costs a credit), so it is checked for form here and the first search says if it is
   * refused.
   */
  async setApiKey(key: string): Promise<IdentifyAccount> {
    this.#requireSecureStorage();
    const trimmed = key.trim();
    if (trimmed.length < 8 || trimmed.length > 200 || !PRINTABLE_KEY.test(trimmed)) {
      throw new NekodeskError(
        'invalid_input',
        'That does not look like an API key: paste the whole key, without spaces (8 to 200 characters).',
      );
    }
    this.#o.secrets.set('whatanime.apiKey', trimmed);
    await this.#forgetQuota();
    return this.account();
  }

  async signIn(email: string, password: string): Promise<IdentifyAccount> {
    this.#requireSecureStorage();
    const session = await this.#o.whatanime().signIn(email, password);
    this.#o.secrets.set('whatanime.session', session.cookie);
    // Cut to the 254 characters the account file accepts (an address's own limit), so it stays readable.
    const address = cleanText(session.user?.email, 254) ?? email.trim();
    await this.#o.file.update((data) => ({ ...data, email: address, quota: null }));
    return this.account();
  }

  /** Forgets the key, the session and the email (on this machine: the service offers no way to end a session). */
  async signOut(): Promise<IdentifyAccount> {
    this.#o.secrets.delete('whatanime.apiKey');
    this.#o.secrets.delete('whatanime.session');
    await this.#o.file.update((data) => ({ ...data, email: null, quota: null }));
    return this.account();
  }

  async credits(): Promise<WhatAnimeCredits> {
    this.#requireSession('see your credits');
    return this.#o.whatanime().credits();
  }

  async apiKeys(page: number): Promise<WhatAnimeApiKeyPage> {
    this.#requireSession('list your API keys');
    return this.#o.whatanime().apiKeys.list({ page });
  }

  /** Creates a key on the signed-in account and keeps it for searches; its plaintext goes nowhere else. */
  async createApiKey(title: string): Promise<IdentifyAccount> {
    this.#requireSecureStorage();
    this.#requireSession('create an API key');
    const created = await this.#o.whatanime().apiKeys.create(title);
    this.#o.secrets.set('whatanime.apiKey', created.key);
    await this.#forgetQuota();
    return this.account();
  }

  async #forgetQuota(): Promise<void> {
    await this.#o.file.update((data) => ({ ...data, quota: null }));
  }

  #requireSecureStorage(): void {
    if (!this.#o.secureStorage) throw new NekodeskError('unauthorized', NO_SECURE_STORAGE);
  }

  /** These endpoints take only a session: an API key alone would be refused with a misleading message. */
  #requireSession(what: string): void {
    if (this.#o.secrets.get('whatanime.session') === null) {
      throw new NekodeskError(
        'unauthorized',
        `Sign in to whatanimeisthis.com with your email to ${what} (an API key alone is not enough).`,
      );
    }
  }
}
