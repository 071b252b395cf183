/**
 * The one Content-Security-Policy of our pages. The renderer repeats it in a <meta> tag (for the browser
 * harness); main sends it as a response header too, which also makes `frame-ancestors` count.
 * Images come only from the app, `data:` and the `nekodesk:` cache protocol: never from the network;
 * so do the identification preview clips (`media-src`).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: nekodesk:",
  "media-src 'self' nekodesk:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

type Headers = Record<string, string | string[]>;

/** The response headers with our policy in place of any policy the response carried. */
export function withContentSecurityPolicy(headers: Headers | undefined): Headers {
  const result: Headers = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return result;
}
