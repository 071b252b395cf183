/** Turns what `fetch` throws on a network failure into words a person can act on. */

const CAUSES: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  ENOTFOUND: 'the host name could not be found (are you offline?)',
  EAI_AGAIN: 'the host name could not be looked up (are you offline?)',
  ETIMEDOUT: 'the connection timed out',
  ENETUNREACH: 'the network is unreachable',
  EHOSTUNREACH: 'the host is unreachable',
  EPIPE: 'the connection closed',
  UND_ERR_SOCKET: 'the connection closed unexpectedly',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  CERT_HAS_EXPIRED: 'its certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its certificate is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its certificate is not trusted',
};

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** Walks the `cause` chain (fetch wraps the socket error) for a known code, else the innermost message. */
export function describeNetworkError(error: unknown): string {
  let current: unknown = error;
  let message = 'the network request failed';
  for (let depth = 0; depth < 5 && current !== undefined; depth++) {
    const code = codeOf(current);
    if (code !== undefined) return CAUSES[code] ?? code;
    if (current instanceof Error && current.message && current.message !== 'fetch failed') {
      message = current.message;
    }
    current = current instanceof Error ? current.cause : undefined;
  }
  return message;
}
