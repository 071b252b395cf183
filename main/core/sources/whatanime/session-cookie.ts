/**
 * The cookie header value to send back after a sign-in: every cookie the answer set (name=value only),
 * provided one of them is better-auth's session token. Null when there is none.
 */
export function sessionCookieFrom(headers: Headers): string | null {
  const lines = headers.getSetCookie();
  const setCookies = lines.length > 0 ? lines : splitCombined(headers.get('set-cookie'));
  const pairs = new Map<string, string>();
  for (const line of setCookies) {
    const pair = line.split(';')[0]?.trim() ?? '';
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    if (!/^[\w.!#$&'*+^`|~-]+$/.test(name) || value === '' || /[\s;,]/.test(value)) continue;
    if (/max-age=0\b/i.test(line)) pairs.delete(name);
    else pairs.set(name, value);
  }
  const hasSession = [...pairs.keys()].some((name) => /session_token$/.test(name));
  if (!hasSession) return null;
  return [...pairs].map(([name, value]) => `${name}=${value}`).join('; ');
}

/** `a=1; Path=/, b=2; Expires=Wed, 21 Oct 2026 07:28:00 GMT` → one entry per cookie. */
function splitCombined(header: string | null): string[] {
  if (header === null || header.trim() === '') return [];
  return header.split(/,(?=\s*[\w.!#$&'*+^`|~-]+=)/);
}
