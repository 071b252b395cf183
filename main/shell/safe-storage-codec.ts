/**
 * Seals secrets with Electron's safeStorage (macOS Keychain, Windows DPAPI, Linux Secret Service/KWallet).
 *
 * It refuses, rather than storing a secret weakly, when encryption is unavailable or when Linux fell back to
 * `basic_text` (no keyring found: Chromium then encrypts with a hard-coded password, which anyone who can
 * read the file can undo). A key or session cookie saved that way would be as exposed as plain text while
 * looking protected, so the person is told to set up a keyring instead.
 */
/* eslint-disable @typescript-eslint/no-deprecated --
   SecretCodec is synchronous (the CLI shares it), so this uses the sync safeStorage calls, deprecated in
   favour of the async ones but still supported; what they write, `decryptStringAsync` reads. */
import type { SafeStorage } from 'electron';
import { NekodeskError } from '../core/errors';
import type { SecretCodec } from '../core/secrets';

export const SAFE_STORAGE_SCHEME = 'electron-safe-storage';

export type SafeStorageLike = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
>;

export function createSafeStorageCodec(storage: SafeStorageLike, platform: NodeJS.Platform): SecretCodec {
  const assertAvailable = (): void => {
    const reason = unavailableReason(storage, platform);
    if (reason !== null) throw new NekodeskError('internal', reason);
  };
  return {
    scheme: SAFE_STORAGE_SCHEME,
    seal(plain) {
      assertAvailable();
      return storage.encryptString(plain).toString('base64');
    },
    open(sealed) {
      assertAvailable();
      return storage.decryptString(Buffer.from(sealed, 'base64'));
    },
  };
}

/** Why secrets can't be stored safely right now, or null when they can. */
export function unavailableReason(storage: SafeStorageLike, platform: NodeJS.Platform): string | null {
  if (!storage.isEncryptionAvailable()) {
    return 'Nekodesk cannot keep secrets safely: the system keychain is not available, so nothing was saved.';
  }
  if (platform === 'linux' && storage.getSelectedStorageBackend() === 'basic_text') {
    return (
      'Nekodesk cannot keep secrets safely: no keyring (GNOME Keyring or KWallet) was found, so nothing was ' +
      'saved. Install or unlock one, then sign in again.'
    );
  }
  return null;
}
