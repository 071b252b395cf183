import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createRedactor, REDACTED } from '../../main/shell/log-redaction';
import { createSafeStorageCodec } from '../../main/shell/safe-storage-codec';
import { createAppSecretStore } from '../../main/shell/secret-store';
import { resetFakeElectron, safeStorage } from './fake-electron';

const KEY = 'wa_live_0123456789abcdef';

beforeEach(() => {
  resetFakeElectron();
});

function newStore(platform: NodeJS.Platform = 'linux') {
  const configDir = mkdtempSync(path.join(os.tmpdir(), 'secrets-'));
  const redactor = createRedactor();
  const store = createAppSecretStore({ configDir, safeStorage, platform, redactor });
  return { store, redactor, file: path.join(configDir, 'secrets.json') };
}

describe('the safeStorage codec', () => {
  it('round-trips a value through the OS encryption', () => {
    const codec = createSafeStorageCodec(safeStorage, 'darwin');
    const sealed = codec.seal(KEY);
    expect(sealed).not.toContain(KEY);
    expect(Buffer.from(sealed, 'base64').toString('utf8')).not.toContain(KEY);
    expect(codec.open(sealed)).toBe(KEY);
  });

  it('refuses to seal when encryption is unavailable, saying why', () => {
    safeStorage.available = false;
    const codec = createSafeStorageCodec(safeStorage, 'win32');
    expect(() => codec.seal(KEY)).toThrow(/system keychain is not available/);
  });

  it('refuses on Linux when only the "basic_text" fallback (a fixed password) is available', () => {
    safeStorage.backend = 'basic_text';
    expect(() => createSafeStorageCodec(safeStorage, 'linux').seal(KEY)).toThrow(/no keyring/);
    expect(createSafeStorageCodec(safeStorage, 'darwin').seal(KEY)).not.toContain(KEY);
  });
});

describe("the app's secret store", () => {
  it('keeps secrets encrypted in <config>/secrets.json, readable only by the user', () => {
    const { store, file } = newStore();
    store.set('whatanime.apiKey', KEY);
    expect(readFileSync(file, 'utf8')).not.toContain(KEY);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(store.get('whatanime.apiKey')).toBe(KEY);
    store.delete('whatanime.apiKey');
    expect(store.get('whatanime.apiKey')).toBeNull();
  });

  it('writes nothing when the secret cannot be protected', () => {
    safeStorage.available = false;
    const { store, file } = newStore();
    expect(() => {
      store.set('whatanime.session', 'better-auth-cookie-value');
    }).toThrow(expect.objectContaining({ code: 'internal' }));
    expect(existsSync(file)).toBe(false);
  });

  it('asks the person to sign in again when a saved secret can no longer be decrypted', () => {
    const { store } = newStore();
    store.set('whatanime.session', 'session-cookie-value');
    safeStorage.available = false;
    expect(() => store.get('whatanime.session')).toThrow(expect.objectContaining({ code: 'unauthorized' }));
  });

  it('teaches the log redactor every secret it stores or reads', () => {
    const { store, redactor, file } = newStore();
    store.set('whatanime.apiKey', KEY);
    expect(redactor.redact(`oops, logged ${KEY}`)).toBe(`oops, logged ${REDACTED}`);

    // A later run only reads the secret: the redactor learns it then.
    const later = createRedactor();
    const reader = createAppSecretStore({
      configDir: path.dirname(file),
      safeStorage,
      platform: 'linux',
      redactor: later,
    });
    expect(reader.get('whatanime.apiKey')).toBe(KEY);
    expect(later.redact(`x ${KEY} x`)).toBe(`x ${REDACTED} x`);
  });
});
