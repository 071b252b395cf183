/**
 * The real core behind the harness, wired like the app: settings through conf in the NEKODESK_HOME (or
 * XDG) folder, the API clients from `createCore` (service URLs from settings, environment overrides
 * first), and the call handlers every window uses. Only opening a link differs: a browser tab cannot
 * open the OS browser, so the harness records the URL.
 */
import Conf from 'conf';
import type { FetchLike } from '../main/core/http';
import { resolvePaths } from '../main/core/paths';
import { createLiveCore } from '../main/core/live-core';
import { openSettingsFile, SettingsService } from '../main/core/settings';
import { createHandlers, listCategories } from '../main/handlers';
import type { Handlers } from '../main/ipc-dispatch';

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

  const core = createLiveCore(settings, {
    env: options.env,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
  core(); // an invalid NEKODESK_*_URL stops the harness now, not at the first call

  const handlers = createHandlers({
    settings,
    listCategories: () => listCategories(core()),
    openLink: (url) => {
      options.onOpenExternal(url);
      return Promise.resolve();
    },
    platform: process.platform,
  });
  return { handlers, settings, startupNotices: opened.notices };
}
