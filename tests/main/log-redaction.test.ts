import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NekodeskError } from '../../main/core/errors';
import { createRedactor, REDACTED } from '../../main/shell/log-redaction';
import { createLogger } from '../../main/shell/logger';

const API_KEY = 'wa_live_3f9c2e7d1b8a4c6e';
const SESSION = 'sess.Kq83hd72jsPq0xZ';

describe('the log redactor', () => {
  const redactor = createRedactor();
  const redact = (value: unknown): unknown => redactor.redact(value);

  it('blanks secret headers and fields in objects, at any depth, and leaves the rest', () => {
    const request = {
      url: 'https://whatanimeisthis.com/api/search',
      headers: {
        Authorization: `Bearer ${API_KEY}`,
        Cookie: `better-auth.session_token=${SESSION}`,
        Accept: 'application/json',
      },
      attempts: [{ 'set-cookie': [`better-auth.session_token=${SESSION}; Path=/; HttpOnly`] }],
      apiKey: API_KEY,
      status: 200,
    };
    expect(redact(request)).toEqual({
      url: 'https://whatanimeisthis.com/api/search',
      headers: { Authorization: REDACTED, Cookie: REDACTED, Accept: 'application/json' },
      attempts: [{ 'set-cookie': REDACTED }],
      apiKey: REDACTED,
      status: 200,
    });
    expect(request.headers.Authorization).toBe(`Bearer ${API_KEY}`); // the caller's object is untouched
  });

  it('blanks secrets inside strings: header lines, JSON, cookies, URLs and bare bearer tokens', () => {
    const texts = [
      `Authorization: Bearer ${API_KEY}`,
      `cookie: theme=dark; better-auth.session_token=${SESSION}`,
      `Set-Cookie: __Secure-better-auth.session_token=${SESSION}; Path=/; HttpOnly`,
      `{"apiKey":"${API_KEY}","ok":true}`,
      `GET https://whatanimeisthis.com/api/search?key=${API_KEY}&cutBorders=1`,
      `retrying with Bearer ${API_KEY}`,
      `session is better-auth.session_token=${SESSION}`,
    ];
    for (const text of texts) {
      const result = String(redact(text));
      expect(result).not.toContain(API_KEY);
      expect(result).not.toContain(SESSION);
      expect(result).toContain(REDACTED);
    }
    expect(redact(`{"apiKey":"${API_KEY}","ok":true}`)).toBe(`{"apiKey":"${REDACTED}","ok":true}`);
    expect(redact(`GET /api/search?key=${API_KEY}&cutBorders=1`)).toBe(
      `GET /api/search?key=${REDACTED}&cutBorders=1`,
    );
  });

  it('keeps errors readable while removing secrets from their message, stack, fields and cause', () => {
    const cause = new Error(`upstream said: Authorization: Bearer ${API_KEY}`);
    const error = new NekodeskError('unauthorized', `bad key ${API_KEY}?`, { cause });
    const local = createRedactor();
    local.addSecret(API_KEY); // the secret store teaches it every key it hands out
    const result = local.redact(error);
    expect(result).toBeInstanceOf(Error);
    const copy = result as Error & { code: string };
    expect(copy.message).toBe(`bad key ${REDACTED}?`);
    expect(copy.code).toBe('unauthorized');
    expect(copy.stack).not.toContain(API_KEY);
    expect((copy.cause as Error).message).not.toContain(API_KEY);
  });

  it('removes a known secret value wherever it appears, in any shape', () => {
    const local = createRedactor();
    local.addSecret(SESSION);
    expect(local.redact(`token was ${SESSION}.`)).toBe(`token was ${REDACTED}.`);
    expect(local.redact({ note: [`x${SESSION}x`] })).toEqual({ note: [`x${REDACTED}x`] });
  });

  it('handles Headers, URLs, Maps and cycles', () => {
    const headers = new Headers({ authorization: `Bearer ${API_KEY}`, 'content-type': 'image/png' });
    expect(redact(headers)).toEqual({ authorization: REDACTED, 'content-type': 'image/png' });
    expect(redact(new URL(`https://x.example/?token=${API_KEY}`))).toBe(
      `https://x.example/?token=${REDACTED}`,
    );
    expect(redact(new Map([['cookie', SESSION]]))).toEqual(new Map([['cookie', REDACTED]]));
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = loop;
    expect(redact(loop)).toEqual({ name: 'loop', self: '[circular]' });
  });
});

describe('the log file', () => {
  it('is written in the logs folder with secrets removed', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'logs-'));
    const log = createLogger({ dir, redactor: createRedactor(), console: false });
    log.info('calling', {
      headers: { Authorization: `Bearer ${API_KEY}`, Cookie: `better-auth.session_token=${SESSION}` },
    });
    log.warn(`Set-Cookie: better-auth.session_token=${SESSION}; Path=/`);
    log.error(new Error(`request to /api/me?key=${API_KEY} failed`));
    const text = readFileSync(path.join(dir, 'main.log'), 'utf8');
    expect(text).toContain('calling');
    expect(text).toContain('[warn]');
    expect(text).toContain('failed');
    expect(text).not.toContain(API_KEY);
    expect(text).not.toContain(SESSION);
  });

  it('rotates at its size limit and keeps the previous file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'logs-'));
    const log = createLogger({ dir, redactor: createRedactor(), console: false, maxBytes: 2_000 });
    for (let line = 0; line < 100; line++) log.info(`line ${String(line)} ${'x'.repeat(40)}`);
    expect(existsSync(path.join(dir, 'main.old.log'))).toBe(true);
    expect(readFileSync(path.join(dir, 'main.log'), 'utf8').length).toBeLessThan(2_200);
    expect(readFileSync(path.join(dir, 'main.log'), 'utf8')).toContain('line 99');
  });
});
