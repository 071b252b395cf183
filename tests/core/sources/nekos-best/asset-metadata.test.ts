import { describe, expect, it } from 'vitest';
import {
  decodeHeaderValue,
  readAssetMetadata,
} from '../../../../main/core/sources/nekos-best/asset-metadata';
import { useNekodeskHome } from '../helpers';

describe('nekos.best asset metadata headers', () => {
  useNekodeskHome();

  it('decodes URL-encoded values, including UTF-8 and "+" as space', () => {
    expect(decodeHeaderValue(encodeURIComponent('葬送のフリーレン'))).toBe('葬送のフリーレン');
    expect(decodeHeaderValue('Cats+%26+Crowns%3A+100%25+Nyan')).toBe('Cats & Crowns: 100% Nyan');
    expect(decodeHeaderValue('C%2B%2B')).toBe('C++');
    expect(decodeHeaderValue(null)).toBeNull();
  });

  it('never throws on a malformed %-sequence, still decoding what it can', () => {
    expect(decodeHeaderValue('100% pure %E3%81%AD')).toBe('100% pure ね');
    expect(decodeHeaderValue('%E3%81')).toBe('%E3%81');
    expect(decodeHeaderValue('%ZZ%20ok')).toBe('%ZZ ok');
  });

  it('repairs raw UTF-8 that arrived as Latin-1 header characters', () => {
    const raw = Buffer.from('ねこまる', 'utf8').toString('latin1');
    expect(decodeHeaderValue(raw)).toBe('ねこまる');
  });

  it('keeps only http(s) links and readable names', () => {
    const headers = new Headers({
      anime_name: encodeURIComponent('Bocchi the Rock!'),
      artist_name: encodeURIComponent('  pixelpaws  '),
      artist_href: encodeURIComponent('javascript:alert(1)'),
      source_url: encodeURIComponent('https://twitter.com/pixelpaws/status/1'),
    });
    expect(readAssetMetadata(headers)).toEqual({
      animeName: 'Bocchi the Rock!',
      artistName: 'pixelpaws',
      artistHref: null,
      sourceUrl: 'https://twitter.com/pixelpaws/status/1',
    });
    expect(readAssetMetadata(new Headers())).toEqual({
      animeName: null,
      artistName: null,
      artistHref: null,
      sourceUrl: null,
    });
  });
});
