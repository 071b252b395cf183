import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { NekodeskError } from './errors';

/** The secrets Nekodesk keeps. They never go in settings.json, a log line or the renderer. */
export const SECRET_NAMES = ['whatanime.apiKey', 'whatanime.session'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

export interface SecretStore {
  get(name: SecretName): string | null;
  set(name: SecretName, value: string): void;
  delete(name: SecretName): void;
}

/**
 * How a secret is sealed on disk. The app uses Electron's safeStorage (the OS keychain);
 * the CLI, which has no keychain access without Electron, uses a file only its user can read.
 */
export interface SecretCodec {
  /** Stored next to the values so a file sealed by one codec is never misread by another. */
  readonly scheme: string;
  seal(plain: string): string;
  open(sealed: string): string;
}

interface SecretsFile {
  scheme: string;
  values: Partial<Record<SecretName, string>>;
}

/** A JSON file of sealed values, written atomically with mode 0600. */
export class FileSecretStore implements SecretStore {
  readonly #file: string;
  readonly #codec: SecretCodec;

  constructor(file: string, codec: SecretCodec) {
    this.#file = file;
    this.#codec = codec;
  }

  get(name: SecretName): string | null {
    const sealed = this.#read().values[name];
    if (sealed === undefined) return null;
    try {
      return this.#codec.open(sealed);
    } catch (cause) {
      throw new NekodeskError(
        'unauthorized',
        `The saved ${describe(name)} could not be decrypted; sign in again.`,
        {
          cause,
        },
      );
    }
  }

  set(name: SecretName, value: string): void {
    const current = this.#read();
    this.#write({
      scheme: this.#codec.scheme,
      values: { ...current.values, [name]: this.#codec.seal(value) },
    });
  }

  delete(name: SecretName): void {
    const current = this.#read();
    if (!(name in current.values)) return;
    const values = Object.fromEntries(Object.entries(current.values).filter(([key]) => key !== name));
    this.#write({ scheme: current.scheme, values });
  }

  #read(): SecretsFile {
    if (!existsSync(this.#file)) return { scheme: this.#codec.scheme, values: {} };
    try {
      const parsed = JSON.parse(readFileSync(this.#file, 'utf8')) as Partial<SecretsFile>;
      if (parsed.scheme !== this.#codec.scheme || typeof parsed.values !== 'object') {
        // Sealed by the other side (app vs CLI): unreadable here, but never overwritten by accident.
        return { scheme: this.#codec.scheme, values: {} };
      }
      return { scheme: parsed.scheme, values: parsed.values };
    } catch {
      return { scheme: this.#codec.scheme, values: {} };
    }
  }

  #write(content: SecretsFile): void {
    mkdirSync(path.dirname(this.#file), { recursive: true });
    const temporary = `${this.#file}.${String(process.pid)}.tmp`;
    writeFileSync(temporary, JSON.stringify(content), { mode: 0o600 });
    chmodSync(temporary, 0o600);
    renameSync(temporary, this.#file);
  }
}

/** For the CLI: values kept as they are, protected by the file's 0600 mode (like ~/.netrc or gh's hosts.yml). */
export const fileModeCodec: SecretCodec = {
  scheme: 'file-mode-0600',
  seal: (plain) => plain,
  open: (sealed) => sealed,
};

function describe(name: SecretName): string {
  return name === 'whatanime.apiKey' ? 'whatanimeisthis.com API key' : 'whatanimeisthis.com session';
}
