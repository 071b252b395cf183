/**
 * The core for the current settings: API clients for the service URLs in settings (environment overrides
 * first), rebuilt when those settings change. The app and the browser harness both use it.
 */
import { createCore, type Core } from './create-core';
import type { FetchLike } from './http';
import type { SecretStore } from './secrets';
import { resolveServiceUrls } from './service-urls';
import type { SettingsService } from './settings';

export interface LiveCoreOptions {
  env: Readonly<Record<string, string | undefined>>;
  /** Where whatanimeisthis.com credentials are kept; guest without. */
  secrets?: SecretStore;
  fetch?: FetchLike;
}

/** Returns the function that gives the core for the settings as they are now. */
export function createLiveCore(settings: SettingsService, options: LiveCoreOptions): () => Core {
  let current: { key: string; core: Core } | null = null;
  return () => {
    const now = settings.get();
    const key = JSON.stringify(now.services);
    if (current?.key !== key) {
      const core = createCore({
        urls: resolveServiceUrls(now.services, options.env),
        ...(options.secrets === undefined ? {} : { secrets: options.secrets }),
        ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
        ...(now.installationId === undefined ? {} : { installationId: now.installationId }),
      });
      current = { key, core };
    }
    return current.core;
  };
}
