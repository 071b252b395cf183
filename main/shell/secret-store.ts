/** The app's secret store: safeStorage-sealed values in `<config>/secrets.json`, kept out of the log. */
import path from 'node:path';
import { FileSecretStore, type SecretName, type SecretStore } from '../core/secrets';
import type { Redactor } from './log-redaction';
import { createSafeStorageCodec, type SafeStorageLike } from './safe-storage-codec';

export const SECRETS_FILE_NAME = 'secrets.json';

export function createAppSecretStore(options: {
  configDir: string;
  safeStorage: SafeStorageLike;
  platform: NodeJS.Platform;
  redactor: Redactor;
}): SecretStore {
  const store = new FileSecretStore(
    path.join(options.configDir, SECRETS_FILE_NAME),
    createSafeStorageCodec(options.safeStorage, options.platform),
  );
  // Every secret that passes through is taught to the redactor, so it never reaches a log line verbatim.
  return {
    get(name: SecretName) {
      const value = store.get(name);
      if (value !== null) options.redactor.addSecret(value);
      return value;
    },
    set(name: SecretName, value: string) {
      options.redactor.addSecret(value);
      store.set(name, value);
    },
    delete: (name: SecretName) => {
      store.delete(name);
    },
  };
}
