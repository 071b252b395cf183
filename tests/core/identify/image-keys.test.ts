import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { identifyImageDir, identifyImageFile, identifyImageKey } from '../../../main/core/identify';

describe('identify image keys', () => {
  const dir = identifyImageDir('/cache');
  const name = `${'ab'.repeat(20)}.jpg`;

  it('name a file in the identify folder as i/<name>, and back', () => {
    expect(dir).toBe(path.join('/cache', 'identify'));
    expect(identifyImageKey(path.join(dir, name))).toBe(`i/${name}`);
    expect(identifyImageFile(dir, `i/${name}`)).toBe(path.join(dir, name));
  });

  it.each([
    'p/abc.webp',
    `i/../${name}`,
    'i/../../etc/passwd',
    `i/${'ab'.repeat(20)}.svg`,
    'i/',
    `i/x${name}`,
  ])('refuse %s', (key) => {
    expect(identifyImageFile(dir, key)).toBeNull();
  });
});
