/**
 * The harness's secret store: the whatanimeisthis.com API key and session, kept in memory for the run only.
 * A browser tab has no OS keychain to seal them with, and a development tool should leave no plain-text secret
 * on disk; so the harness reports secure storage (keys and sign-in work) and forgets everything when it stops.
 */
import type { SecretName, SecretStore } from '../main/core/secrets';

export class MemorySecretStore implements SecretStore {
  readonly #values = new Map<SecretName, string>();

  get(name: SecretName): string | null {
    return this.#values.get(name) ?? null;
  }

  set(name: SecretName, value: string): void {
    this.#values.set(name, value);
  }

  delete(name: SecretName): void {
    this.#values.delete(name);
  }
}
