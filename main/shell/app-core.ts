/**
 * The core as the app uses it: API clients for the service URLs in settings (environment overrides
 * first), rebuilt when those settings change, with whatanimeisthis.com credentials from the secret store.
 */
import type { CategoryInfo } from '../../preload/contract';
import { createCore, type Core } from '../core/create-core';
import type { SecretStore } from '../core/secrets';
import { resolveServiceUrls } from '../core/service-urls';
import type { SettingsService } from '../core/settings';

export function createAppCore(
  settings: SettingsService,
  options: { env: Readonly<Record<string, string | undefined>>; secrets: SecretStore },
): () => Core {
  let current: { key: string; core: Core } | null = null;
  return () => {
    const now = settings.get();
    const key = JSON.stringify(now.services);
    if (current?.key !== key) {
      const core = createCore({
        urls: resolveServiceUrls(now.services, options.env),
        secrets: options.secrets,
        ...(now.installationId === undefined ? {} : { installationId: now.installationId }),
      });
      current = { key, core };
    }
    return current.core;
  };
}

/** nekos.best's categories with their formats, alphabetised, as the contract's `nekos:categories` answers. */
export async function listCategories(core: Core): Promise<CategoryInfo[]> {
  const categories = await core.nekosBest.categoriesFull();
  return Object.entries(categories)
    .map(([name, { format }]) => ({ name, format }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
