import { describe, expect, it } from 'vitest';
import { NekodeskError } from '../../../main/core/errors';
import {
  decodeRequest,
  decodeStatus,
  encodeRequest,
  encodeStatus,
  failureStatus,
} from '../../../main/core/clipboard/x11-selection-messages';

describe('what the CLI and the clipboard owner process say to each other', () => {
  it('a request goes through whole, PNG bytes included', () => {
    const payload = {
      files: ['/tmp/ü #1.gif'],
      text: '![a](https://x.test/a.gif)',
      html: '<img>',
      imagePng: new Uint8Array([0x89, 0x50, 0, 255]),
    };
    expect(decodeRequest(encodeRequest({ display: ':3', payload }))).toEqual({ display: ':3', payload });
    const plain = { files: [], text: 'x' };
    expect(decodeRequest(encodeRequest({ display: ':0', payload: plain }))).toEqual({
      display: ':0',
      payload: plain,
    });
  });

  it('a malformed request is refused', () => {
    for (const text of [
      '',
      'null',
      '{"display":"","payload":{"files":[],"text":"x"}}',
      '{"display":":0","payload":{"files":[1],"text":"x"}}',
    ])
      expect(() => decodeRequest(text)).toThrow('The clipboard owner got a malformed request.');
  });

  it('a status is one line; a failure keeps its code; anything else is not a status', () => {
    expect(encodeStatus({ ok: true })).toBe('{"ok":true}\n');
    const failure = failureStatus(new NekodeskError('not_found', 'Cannot read the file to copy'));
    expect(decodeStatus(encodeStatus(failure).trim())).toEqual({
      ok: false,
      code: 'not_found',
      message: 'Cannot read the file to copy',
    });
    expect(failureStatus(new Error('boom'))).toEqual({ ok: false, code: 'internal', message: 'boom' });
    for (const line of ['', 'ready', '{"ok":false,"code":"nope","message":"x"}', '{"ok":"yes"}'])
      expect(decodeStatus(line)).toBeNull();
  });
});
