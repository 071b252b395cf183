import { describe, expect, it } from 'vitest';
import { isNekodeskError } from '../../../main/core/errors';
import { resolveServiceUrls } from '../../../main/core/service-urls';
import { servicesSchema } from '../../../main/core/settings';
import { useNekodeskHome } from './helpers';

const defaults = servicesSchema.parse({});

function refusal(env: Record<string, string>): string {
  try {
    resolveServiceUrls(defaults, env);
  } catch (error) {
    if (isNekodeskError(error) && error.code === 'invalid_input') return error.message;
    throw error;
  }
  throw new Error('expected the override to be refused');
}

describe('resolveServiceUrls', () => {
  useNekodeskHome();

  it('uses the settings when nothing overrides them', () => {
    expect(resolveServiceUrls(defaults, {})).toEqual({
      nekosBestUrl: 'https://nekos.best/api/v2',
      nekosiaUrl: 'https://api.nekosia.cat/api/v1',
      whatanimeUrl: 'https://whatanimeisthis.com',
    });
  });

  it('lets each environment variable override its setting, trimmed, without a trailing slash', () => {
    expect(
      resolveServiceUrls(defaults, {
        NEKODESK_NEKOS_BEST_URL: ' http://127.0.0.1:4000/api/v2/ ',
        NEKODESK_NEKOSIA_URL: 'http://127.0.0.1:4001/api/v1',
        NEKODESK_WHATANIME_URL: 'http://127.0.0.1:4002/',
      }),
    ).toEqual({
      nekosBestUrl: 'http://127.0.0.1:4000/api/v2',
      nekosiaUrl: 'http://127.0.0.1:4001/api/v1',
      whatanimeUrl: 'http://127.0.0.1:4002',
    });
    expect(resolveServiceUrls(defaults, { NEKODESK_NEKOSIA_URL: '' }).nekosiaUrl).toBe(
      'https://api.nekosia.cat/api/v1',
    );
  });

  it('refuses an invalid override, naming the variable', () => {
    expect(refusal({ NEKODESK_NEKOS_BEST_URL: 'nekos.best' })).toMatch(
      /^NEKODESK_NEKOS_BEST_URL must be an http\(s\) URL/,
    );
    expect(refusal({ NEKODESK_NEKOSIA_URL: 'ftp://mirror/api/v1' })).toMatch(/^NEKODESK_NEKOSIA_URL/);
    expect(refusal({ NEKODESK_NEKOSIA_URL: 'https://u:p@mirror/api/v1' })).toMatch(/^NEKODESK_NEKOSIA_URL/);
    expect(refusal({ NEKODESK_WHATANIME_URL: 'https://whatanimeisthis.com/api' })).toMatch(
      /origin .* without a path/,
    );
  });
});
