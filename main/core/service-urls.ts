import { NekodeskError } from './errors';

/** Where each service lives: full API bases for nekos.best and Nekosia, the site's origin for whatanimeisthis.com. */
export interface ServiceUrls {
  nekosBestUrl: string;
  nekosiaUrl: string;
  whatanimeUrl: string;
}

/** Environment variables that override the settings (tests, the browser harness, a local mirror). */
export const SERVICE_URL_ENV = {
  nekosBestUrl: 'NEKODESK_NEKOS_BEST_URL',
  nekosiaUrl: 'NEKODESK_NEKOSIA_URL',
  whatanimeUrl: 'NEKODESK_WHATANIME_URL',
} as const satisfies Record<keyof ServiceUrls, string>;

const EXAMPLES: Record<keyof ServiceUrls, string> = {
  nekosBestUrl: 'https://nekos.best/api/v2',
  nekosiaUrl: 'https://api.nekosia.cat/api/v1',
  whatanimeUrl: 'https://whatanimeisthis.com',
};

/** The settings' URLs, each replaced by its environment variable when that is set (and valid). */
export function resolveServiceUrls(
  services: ServiceUrls,
  env: Readonly<Record<string, string | undefined>>,
): ServiceUrls {
  const pick = (key: keyof ServiceUrls): string => {
    const name = SERVICE_URL_ENV[key];
    const override = env[name]?.trim();
    if (override === undefined || override === '')
      return normalise(key, services[key], 'The setting services.' + key);
    return normalise(key, override, name);
  };
  return {
    nekosBestUrl: pick('nekosBestUrl'),
    nekosiaUrl: pick('nekosiaUrl'),
    whatanimeUrl: pick('whatanimeUrl'),
  };
}

function normalise(key: keyof ServiceUrls, value: string, where: string): string {
  const shown = value.length > 80 ? `${value.slice(0, 79)}…` : value;
  const url = URL.canParse(value) ? new URL(value) : null;
  const valid =
    url !== null &&
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.username === '' &&
    url.password === '' &&
    url.search === '' &&
    url.hash === '';
  if (!valid) {
    throw new NekodeskError(
      'invalid_input',
      `${where} must be an http(s) URL like ${EXAMPLES[key]} (it is "${shown}").`,
    );
  }
  if (key === 'whatanimeUrl' && url.pathname !== '/') {
    throw new NekodeskError(
      'invalid_input',
      `${where} must be a site origin like ${EXAMPLES[key]}, without a path (it is "${shown}").`,
    );
  }
  return key === 'whatanimeUrl' ? url.origin : url.href.replace(/\/+$/, '');
}
