/**
 * Screenshot identification's core in the app: the real `IdentifyService` over the live core's
 * whatanimeisthis.com client and HTTP layer, the app's folders and its safeStorage secret store, opened on
 * first use (a failure is retried at the next use, as the picker's is). Secrets are accepted only when
 * safeStorage really encrypts them: not when the keychain is missing, nor on Linux's `basic_text` backend,
 * which only obfuscates with a fixed password.
 */
import type { Notice } from '../../preload/contract';
import type { Core } from '../core/create-core';
import { openIdentifyService, type IdentifyService, type IdentifyServiceOptions } from '../core/identify';
import type { NekodeskPaths } from '../core/paths';
import type { SecretStore } from '../core/secrets';
import type { SettingsService } from '../core/settings';
import { unavailableReason, type SafeStorageLike } from './safe-storage-codec';

export interface AppIdentifyDeps {
  core: () => Core;
  settings: SettingsService;
  paths: Pick<NekodeskPaths, 'data' | 'cache'>;
  /** The app's secret store (secret-store.ts). */
  secrets: SecretStore;
  safeStorage: SafeStorageLike;
  platform: NodeJS.Platform;
  /** `i/<name>` → the URL our pages load it from (`nekodesk://cache/i/<name>`). */
  imageUrl: (key: string) => string;
  /** Tells the person about a repaired history or account file (an `app:notice`). */
  notify: (notice: Notice) => void;
  /** Default the core's `openIdentifyService`. */
  open?: (options: IdentifyServiceOptions) => Promise<IdentifyService>;
}

export interface AppIdentify {
  /** The core, opened on first use. */
  port(): Promise<IdentifyService>;
}

export function createAppIdentify(deps: AppIdentifyDeps): AppIdentify {
  const open = deps.open ?? openIdentifyService;
  let opening: Promise<IdentifyService> | null = null;
  const start = (): Promise<IdentifyService> =>
    open({
      whatanime: () => deps.core().whatanime,
      http: () => deps.core().http,
      dataDir: deps.paths.data,
      cacheDir: deps.paths.cache,
      secrets: deps.secrets,
      // Asked when the service opens (after `ready`, when safeStorage can answer), not at start-up.
      secureStorage: unavailableReason(deps.safeStorage, deps.platform) === null,
      settings: () => deps.settings.get().identify,
      imageUrl: deps.imageUrl,
      onNotice: (message) => {
        deps.notify({ level: 'warning', message });
      },
    });
  return {
    port: () =>
      (opening ??= start().catch((error: unknown) => {
        opening = null;
        throw error;
      })),
  };
}
