import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileSecretStore, fileModeCodec, type SecretCodec } from '../../main/core/secrets';
import { useTempDir } from '../support/temp-dir';

/** A reversible stand-in for safeStorage, so the test can see that values are sealed on disk. */
const base64Codec: SecretCodec = {
  scheme: 'test-base64',
  seal: (plain) => Buffer.from(plain).toString('base64'),
  open: (sealed) => Buffer.from(sealed, 'base64').toString(),
};

describe('FileSecretStore', () => {
  const tempDir = useTempDir();

  it('keeps secrets sealed in a file only its owner can read', () => {
    const file = path.join(tempDir(), 'secrets.json');
    const store = new FileSecretStore(file, base64Codec);
    store.set('whatanime.apiKey', 'wa_secret_key');

    expect(store.get('whatanime.apiKey')).toBe('wa_secret_key');
    expect(readFileSync(file, 'utf8')).not.toContain('wa_secret_key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('deletes one secret and keeps the others', () => {
    const store = new FileSecretStore(path.join(tempDir(), 'secrets.json'), fileModeCodec);
    store.set('whatanime.apiKey', 'key');
    store.set('whatanime.session', 'better-auth.session_token=abc');
    store.delete('whatanime.session');

    expect(store.get('whatanime.session')).toBeNull();
    expect(store.get('whatanime.apiKey')).toBe('key');
  });

  it('treats a damaged file as empty instead of crashing', () => {
    const file = path.join(tempDir(), 'secrets.json');
    writeFileSync(file, 'not json at all');
    const store = new FileSecretStore(file, fileModeCodec);
    expect(store.get('whatanime.apiKey')).toBeNull();
    store.set('whatanime.apiKey', 'fresh');
    expect(store.get('whatanime.apiKey')).toBe('fresh');
  });

  it('asks the person to sign in again when a value cannot be decrypted', () => {
    const file = path.join(tempDir(), 'secrets.json');
    const failing: SecretCodec = {
      scheme: 'test-base64',
      seal: base64Codec.seal,
      open: () => {
        throw new Error('keychain locked');
      },
    };
    new FileSecretStore(file, base64Codec).set('whatanime.session', 'cookie');
    expect(() => new FileSecretStore(file, failing).get('whatanime.session')).toThrow(/sign in again/);
  });
});
