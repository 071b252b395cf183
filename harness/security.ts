/**
 * What keeps the harness's loopback API for its own pages only: a per-run random token in an HttpOnly,
 * SameSite=Strict cookie (other sites cannot read or send it), an exact Host check (DNS rebinding),
 * and an Origin / Sec-Fetch-Site check (cross-site requests).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The same policy as the meta tag in renderer/index.html and renderer/picker.html. Media (identification preview
 * clips) come only from the page's own origin (the harness's cache path) or the app's cache protocol.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: nekodesk:; " +
  "media-src 'self' nekodesk:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";

/** Sent with every response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

export const TOKEN_COOKIE = 'nekodesk_token';

export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}

export function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return undefined;
}

export function hasToken(req: IncomingMessage, token: string): boolean {
  const given = Buffer.from(readCookie(req, TOKEN_COOKIE) ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Why a request is refused before any routing, or null when it may go on. */
export function refuseForeign(req: IncomingMessage, origin: string): string | null {
  if (req.headers.host !== new URL(origin).host) return 'Unexpected Host header.';
  const requestOrigin = req.headers.origin;
  if (requestOrigin !== undefined && requestOrigin !== origin) return 'Cross-origin requests are refused.';
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    return 'Cross-site requests are refused.';
  return null;
}
