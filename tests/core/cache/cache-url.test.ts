import { describe, expect, it } from 'vitest';
import { cacheKeyOf, cacheUrl, parseCacheUrl } from '../../../main/core/cache';

const key = cacheKeyOf('nekos.best:0b5e6a8e-1f7b-4d5c-a3a2-000000000001', 'original');

describe('cacheUrl / parseCacheUrl', () => {
  it('round-trips a key through a nekodesk://cache/ URL', () => {
    expect(cacheUrl(key)).toBe(`nekodesk://cache/${key}`);
    expect(parseCacheUrl(cacheUrl(key))).toBe(key);
  });

  it.each([
    ['another scheme', `https://cache/${key}`],
    ['another host', `nekodesk://app/${key}`],
    ['upper-case hex', `nekodesk://cache/${key.toUpperCase()}`],
    ['a short key', `nekodesk://cache/${key.slice(1)}`],
    ['a trailing slash', `nekodesk://cache/${key}/`],
    ['a query', `nekodesk://cache/${key}?x=1`],
    ['a fragment', `nekodesk://cache/${key}#top`],
    ['a path before the key', `nekodesk://cache/../${key}`],
    ['an encoded character', `nekodesk://cache/%2e%2e%2f${key.slice(9)}`],
    ['a file path', 'nekodesk://cache/../../etc/passwd'],
  ])('rejects %s', (_label, url) => {
    expect(parseCacheUrl(url)).toBeNull();
  });

  it('refuses to build a URL from something that is not a key', () => {
    expect(() => cacheUrl('../../etc/passwd')).toThrow(TypeError);
  });

  it('gives every (artwork id, variant) its own key, whatever the id holds', () => {
    const keys = new Set([
      cacheKeyOf('a', 'original'),
      cacheKeyOf('a', 'preview'),
      cacheKeyOf('a\noriginal', 'preview'),
      cacheKeyOf('a\npreview', 'original'),
    ]);
    expect(keys.size).toBe(4);
  });
});
