/**
 * What each call of the contract does, in terms of the core. No Electron import: the Electron shell
 * and the browser harness both build their handlers here, passing what differs (opening a link).
 */
import type { AppInfo, CategoryInfo } from '../preload/contract';
import { APP_NAME, APP_VERSION } from './core/app-info';
import type { Core } from './core/create-core';
import { NekodeskError } from './core/errors';
import type { SettingsService } from './core/settings/settings-service';
import type { Handlers } from './ipc-dispatch';

export interface HandlerDeps {
  settings: SettingsService;
  /** nekos.best categories, alphabetised. */
  listCategories(): Promise<CategoryInfo[]>;
  /** Opens an http(s) URL in the person's browser. */
  openLink(url: string): Promise<void>;
  platform: string;
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const info: AppInfo = { name: APP_NAME, version: APP_VERSION, platform: deps.platform };
  return {
    'app:info': () => info,
    'nekos:categories': () => deps.listCategories(),
    'settings:get': () => deps.settings.get(),
    'settings:update': (patch) => deps.settings.update(patch),
    'shell:open-link': async ({ url }) => {
      await deps.openLink(assertWebUrl(url));
      return null;
    },
  };
}

/** Links leave the app only as http(s): no file:, javascript:, or custom schemes. */
export function assertWebUrl(url: string): string {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (parsed?.protocol !== 'http:' && parsed?.protocol !== 'https:') {
    throw new NekodeskError('invalid_input', 'Only http(s) links can be opened.');
  }
  return parsed.href;
}

/** nekos.best's categories with their formats, alphabetised, as `nekos:categories` answers. */
export async function listCategories(core: Core): Promise<CategoryInfo[]> {
  const categories = await core.nekosBest.categoriesFull();
  return Object.entries(categories)
    .map(([name, { format }]) => ({ name, format }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
