import path from 'node:path';
import type { Core } from '../core/create-core';
import { resolvePaths, type NekodeskPaths } from '../core/paths';
import { FileSecretStore, fileModeCodec, type SecretStore } from '../core/secrets';
import type { Settings } from '../core/settings';
import { secretStoreAuth } from '../core/sources/whatanime/auth';
import type { CliIo } from './io';

export const CLI_SECRETS_FILE = 'cli-secrets.json';
export const API_KEY_ENV = 'NEKODESK_WHATANIME_API_KEY';

/**
 * What commands share: output, and the paths, settings, secrets and core, each opened on first use.
 * The settings store and the core (zod, conf) are imported only then, so `--help` and `--version` start fast
 * and touch no file.
 */
export class CliContext {
  readonly io: CliIo;
  readonly #isJson: () => boolean;
  /** `--api-key` of `identify`, when given. */
  apiKeyFlag: string | undefined;
  #paths: NekodeskPaths | undefined;
  #settings: Settings | undefined;
  #secrets: SecretStore | undefined;
  #core: Core | undefined;

  constructor(io: CliIo, isJson: () => boolean) {
    this.io = io;
    this.#isJson = isJson;
  }

  get json(): boolean {
    return this.#isJson();
  }

  /** Prints lines on stdout. */
  print(...lines: string[]): void {
    for (const line of lines) this.io.stdout.write(`${line}\n`);
  }

  printJson(value: unknown): void {
    this.io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  /** A note on stderr that does not fail the command. */
  note(message: string): void {
    this.io.stderr.write(`nekodesk: ${message}\n`);
  }

  resolve(file: string): string {
    return path.resolve(this.io.cwd, file);
  }

  paths(): NekodeskPaths {
    this.#paths ??= resolvePaths(this.io.env);
    return this.#paths;
  }

  async settings(): Promise<Settings> {
    if (this.#settings === undefined) {
      const [{ default: Conf }, { openSettingsFile }] = await Promise.all([
        import('conf'),
        import('../core/settings'),
      ]);
      const opened = openSettingsFile(this.paths().config, (options) => new Conf(options));
      for (const notice of opened.notices) this.note(notice);
      this.#settings = opened.settings;
    }
    return this.#settings;
  }

  secrets(): SecretStore {
    this.#secrets ??= new FileSecretStore(path.join(this.paths().config, CLI_SECRETS_FILE), fileModeCodec);
    return this.#secrets;
  }

  async core(): Promise<Core> {
    if (this.#core === undefined) {
      const settings = await this.settings();
      const secrets = this.secrets();
      const [{ createCore }, { resolveServiceUrls }] = await Promise.all([
        import('../core/create-core'),
        import('../core/service-urls'),
      ]);
      this.#core = createCore({
        urls: resolveServiceUrls(settings.services, this.io.env),
        ...(settings.installationId === undefined ? {} : { installationId: settings.installationId }),
        ...(this.io.fetch ? { fetch: this.io.fetch } : {}),
        ...(this.io.clock ? { clock: this.io.clock } : {}),
        ...this.io.core,
        auth: {
          credentials: () =>
            secretStoreAuth(secrets, {
              apiKey: this.apiKeyFlag ?? this.io.env[API_KEY_ENV] ?? null,
            }).credentials(),
        },
      });
    }
    return this.#core;
  }
}
