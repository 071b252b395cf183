import { pathToFileURL } from 'node:url';
import type { IdentifyService, PreviewPolicy } from '../core/identify';
import type { SecretName, SecretStore } from '../core/secrets';
import { API_KEY_ENV, type CliContext } from './context';

/** The CLI's own account details (its secrets are `cli-secrets.json`, not the app's keychain). */
export const CLI_ACCOUNT_FILE = 'identify-account-cli.json';

/** The stored secrets, with `--api-key` or NEKODESK_WHATANIME_API_KEY in front of the stored key (as searches use). */
function effectiveSecrets(ctx: CliContext): SecretStore {
  const stored = ctx.secrets();
  const override = (): string | null => {
    const value = (ctx.apiKeyFlag ?? ctx.io.env[API_KEY_ENV])?.trim();
    return value === undefined || value === '' ? null : value;
  };
  return {
    get: (name: SecretName) =>
      name === 'whatanime.apiKey' ? (override() ?? stored.get(name)) : stored.get(name),
    set: (name, value) => {
      stored.set(name, value);
    },
    delete: (name) => {
      stored.delete(name);
    },
  };
}

/**
 * The identification service for one command, over the CLI's core: the same history and cache as the app
 * (shared folders), the CLI's secret store (0600 file), images named by `file://` URL. sharp and the service are
 * imported here, only by the commands that need them.
 */
export async function openCliIdentify(ctx: CliContext, previews: PreviewPolicy): Promise<IdentifyService> {
  const [settings, core, identify] = await Promise.all([
    ctx.settings(),
    ctx.core(),
    import('../core/identify'),
  ]);
  const paths = ctx.paths();
  const dir = identify.identifyImageDir(paths.cache);
  return identify.openIdentifyService({
    whatanime: () => core.whatanime,
    http: () => core.http,
    dataDir: paths.data,
    cacheDir: paths.cache,
    secrets: effectiveSecrets(ctx),
    // The CLI's store is a file only its user can read (like ~/.netrc): it keeps the key and the session.
    secureStorage: true,
    settings: () => settings.identify,
    imageUrl: (key) => {
      const file = identify.identifyImageFile(dir, key);
      return file === null ? key : pathToFileURL(file).href;
    },
    previews,
    accountFile: CLI_ACCOUNT_FILE,
    onNotice: (notice) => {
      ctx.note(notice);
    },
  });
}
