/**
 * Keeps secrets out of the log: API keys, `Authorization`, `Cookie` / `Set-Cookie` values and the
 * whatanimeisthis.com session cookie (`better-auth.session_token`). Applied to every log message before
 * any transport formats it; objects are copied, never changed in place.
 */
export const REDACTED = '[redacted]';

/** Object keys (and header names) whose whole value is secret. */
const SECRET_KEY =
  /^(?:(?:proxy-)?authorization|cookie|set-cookie|key|x-api-key|x-trace-key|api[-_.]?key|access[-_.]?token|refresh[-_.]?token|id[-_.]?token|session[-_.]?token|token|password|passwd|secret|client[-_.]?secret|(?:__(?:secure|host)-)?better-auth\.[\w.-]+)$/i;

/** `Authorization: …`, `cookie=…`, `"set-cookie": "…"`: the value runs to the closing quote or the line's end. */
const SECRET_HEADER =
  /\b((?:proxy-)?authorization|set-cookie|cookie|x-api-key|x-trace-key)(["']?\s*[:=]\s*)("[^"\r\n]*"?|'[^'\r\n]*'?|[^\r\n]*)/gi;

/** `apiKey: "…"`, `"token":"…"`, `password=…` inside a logged string (JSON bodies, inspected objects). */
const SECRET_FIELD =
  /\b(api[-_]?key|access[-_]?token|refresh[-_]?token|session[-_]?token|password|client[-_]?secret)(["']?\s*[:=]\s*)("[^"\r\n]*"?|'[^'\r\n]*'?|[^\s&,;"'}\]]*)/gi;

/** Credentials in URLs: `?key=…`, `&token=…`. */
const SECRET_QUERY = /([?&](?:key|api[-_]?key|token|access_token|session_token|auth|password)=)[^&#\s"']*/gi;

/** The session cookie wherever it appears, e.g. inside a longer cookie string. */
const SESSION_COOKIE = /((?:__(?:Secure|Host)-)?better-auth\.[\w.-]+=)[^;\s&"',]*/gi;

/** `Bearer abc…` / `Basic abc…` even without a header name in front. */
const AUTH_SCHEME = /\b(Bearer|Basic)\s+[\w.~+/=-]+/gi;

const MAX_DEPTH = 8;

export interface Redactor {
  /** Remembers a secret's exact value (from the secret store) so it is removed wherever it shows up. */
  addSecret(value: string): void;
  redact(value: unknown): unknown;
}

export function createRedactor(): Redactor {
  const secrets = new Set<string>();

  const redactString = (text: string): string => {
    let result = text;
    for (const secret of secrets) result = result.replaceAll(secret, REDACTED);
    return result
      .replace(SECRET_HEADER, (_match, name: string, separator: string, value: string) => {
        return `${name}${separator}${requote(value)}`;
      })
      .replace(SECRET_FIELD, (_match, name: string, separator: string, value: string) => {
        return `${name}${separator}${requote(value)}`;
      })
      .replace(SECRET_QUERY, `$1${REDACTED}`)
      .replace(SESSION_COOKIE, `$1${REDACTED}`)
      .replace(AUTH_SCHEME, `$1 ${REDACTED}`);
  };

  const redactValue = (value: unknown, depth: number, seen: WeakSet<object>): unknown => {
    if (typeof value === 'string') return redactString(value);
    if (typeof value !== 'object' || value === null) return value;
    if (seen.has(value)) return '[circular]';
    if (depth >= MAX_DEPTH) return '[nested too deep]';
    seen.add(value);
    const inner = (item: unknown): unknown => redactValue(item, depth + 1, seen);

    if (value instanceof Error) return redactError(value, inner, redactString);
    if (value instanceof URL) return redactString(value.href);
    if (value instanceof Headers) return redactEntries([...value.entries()], inner);
    if (value instanceof Map) return new Map(redactPairs([...value.entries()], inner));
    if (Array.isArray(value)) return value.map(inner);
    if (value instanceof Date || ArrayBuffer.isView(value)) return value;
    return redactEntries(Object.entries(value), inner);
  };

  return {
    addSecret(value) {
      // Very short values would blank out ordinary words; real keys and cookies are long.
      if (value.length >= 6) secrets.add(value);
    },
    redact: (value) => redactValue(value, 0, new WeakSet()),
  };
}

function requote(value: string): string {
  const quote = value.startsWith('"') ? '"' : value.startsWith("'") ? "'" : '';
  return `${quote}${REDACTED}${quote}`;
}

function redactPairs(pairs: [unknown, unknown][], inner: (item: unknown) => unknown): [unknown, unknown][] {
  return pairs.map(([key, item]) => [
    key,
    typeof key === 'string' && SECRET_KEY.test(key) ? REDACTED : inner(item),
  ]);
}

function redactEntries(
  entries: [string, unknown][],
  inner: (item: unknown) => unknown,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, item] of entries) result[key] = SECRET_KEY.test(key) ? REDACTED : inner(item);
  return result;
}

function redactError(
  error: Error,
  inner: (item: unknown) => unknown,
  redactString: (text: string) => string,
): Error {
  const copy = new Error(redactString(error.message));
  copy.name = error.name;
  copy.stack = error.stack === undefined ? undefined : redactString(error.stack);
  if (error.cause !== undefined) copy.cause = inner(error.cause);
  Object.assign(copy, redactEntries(Object.entries(error), inner));
  return copy;
}
