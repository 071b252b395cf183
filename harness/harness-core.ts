/**
 * The real core behind the harness, wired like the app: settings through conf in the NEKODESK_HOME (or
 * XDG) folder, the API clients from `createCore` (service URLs from settings, environment overrides
 * first), and the call handlers every window uses. Only opening a link differs: a browser tab cannot
 * open the OS browser, so the harness records the URL.
 */
import Conf from 'conf';
import { createCore, type Core } from '../main/core/create-core';
import type { FetchLike } from '../main/core/http';
import { resolvePaths } from '../main/core/paths';
import { resolveServiceUrls } from '../main/core/service-urls';
import { openSettingsFile, SettingsService, type Settings } from '../main/core/settings';
import { createHandlers } from '../main/handlers';
import type { Handlers } from '../main/ipc-dispatch';
import type { CategoryInfo } from '../preload/contract';

export interface HarnessCoreOptions {
  env: Readonly<Record<string, string | undefined>>;
  fetch?: FetchLike;
  /** Called with each URL a page asks to open. */
  onOpenExternal(url: string): void;
}

export interface HarnessCore {
  handlers: Handlers;
  settings: SettingsService;
  /** What was wrong with the settings file at start, for the first page to show. */
  startupNotices: string[];
}

export function createHarnessCore(options: HarnessCoreOptions): HarnessCore {
  const paths = resolvePaths({ ...options.env });
  const opened = openSettingsFile(paths.config, (conf) => new Conf(conf));
  const settings = new SettingsService(opened.backend, opened.settings);

  // The clients are built for given URLs: rebuild them when the service settings change.
  let current: { key: string; core: Core } | null = null;
  const core = (): Core => {
    const now: Settings = settings.get();
    const key = JSON.stringify(now.services);
    if (current?.key !== key) {
      const urls = resolveServiceUrls(now.services, options.env);
      current = {
        key,
        core: createCore({
          urls,
          ...(now.installationId === undefined ? {} : { installationId: now.installationId }),
          ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
        }),
      };
    }
    return current.core;
  };
  core(); // an invalid NEKODESK_*_URL stops the harness now, not at the first call

  const listCategories = async (): Promise<CategoryInfo[]> => {
    const categories = await core().nekosBest.categoriesFull();
    return Object.entries(categories)
      .map(([name, { format }]) => ({ name, format }))
      .sort((a, b) => a.name.localeCompare(b.name));
  };

  const handlers = createHandlers({
    settings,
    listCategories,
    openLink: (url) => {
      options.onOpenExternal(url);
      return Promise.resolve();
    },
    platform: process.platform,
  });
  return { handlers, settings, startupNotices: opened.notices };
}
