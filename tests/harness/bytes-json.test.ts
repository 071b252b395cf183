import { describe, expect, it } from 'vitest';
import {
  base64Length,
  browserBase64,
  BYTES_TAG,
  bytesReplacer,
  bytesReviver,
} from '../../harness/bytes-json';

const revive = bytesReviver((text) => new Uint8Array(Buffer.from(text, 'base64')));

function roundTrip(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, bytesReplacer(browserBase64)), revive);
}

describe('bytes through the harness’s JSON', () => {
  it('tags a Uint8Array as base64 that Node reads back byte for byte', () => {
    const bytes = new Uint8Array(256).map((_, index) => index);
    const json = JSON.stringify({ request: { data: bytes, name: 'a.png' } }, bytesReplacer(browserBase64));
    expect(JSON.parse(json)).toEqual({
      request: { data: { [BYTES_TAG]: Buffer.from(bytes).toString('base64') }, name: 'a.png' },
    });
    const back = roundTrip({ data: bytes }) as { data: Uint8Array };
    expect(back.data).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(back.data).equals(Buffer.from(bytes))).toBe(true);
  });

  it('tags a Node Buffer too (it would otherwise turn itself into {type, data})', () => {
    const back = roundTrip({ data: Buffer.from([1, 2, 3]) }) as { data: Uint8Array };
    expect(back.data).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('encodes more than one chunk, and empty bytes, the way Buffer does', () => {
    const large = new Uint8Array(100_003).map((_, index) => (index * 31) % 251);
    expect(browserBase64(large)).toBe(Buffer.from(large).toString('base64'));
    expect(browserBase64(large)).toHaveLength(base64Length(large.byteLength));
    expect((roundTrip({ data: new Uint8Array(0) }) as { data: Uint8Array }).data).toEqual(new Uint8Array(0));
  });

  it('reads back a screenshot-sized image (megabytes of base64 in one string)', () => {
    const screenshot = new Uint8Array(6 * 1024 * 1024).map((_, index) => (index * 7) % 256);
    const back = roundTrip({ data: screenshot }) as { data: unknown };
    expect(back.data).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(back.data as Uint8Array).equals(Buffer.from(screenshot))).toBe(true);
  });

  it('leaves alone what only looks like a tag', () => {
    const lookalikes = [
      { [BYTES_TAG]: 'not base64!' },
      { [BYTES_TAG]: 42 },
      { [BYTES_TAG]: 'AAAA', extra: true },
      { [BYTES_TAG]: 'AAA' },
      { [BYTES_TAG]: 'AA=A' },
      { [BYTES_TAG]: 'A===' },
    ];
    for (const value of lookalikes) expect(JSON.parse(JSON.stringify(value), revive)).toEqual(value);
  });
});
