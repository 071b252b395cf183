import type { SecretStore } from '../../secrets';

/** What the client may send: an API key wins over a session; neither means a guest. */
export interface WhatAnimeCredentials {
  apiKey: string | null;
  session: string | null;
}

/** Asked before each request, so a sign-in or sign-out takes effect at once. */
export interface WhatAnimeAuthProvider {
  credentials(): WhatAnimeCredentials | Promise<WhatAnimeCredentials>;
}

export const guestAuth: WhatAnimeAuthProvider = { credentials: () => ({ apiKey: null, session: null }) };

/**
 * Credentials from a secret store; `apiKey` (a flag or an environment variable) overrides the stored key.
 */
export function secretStoreAuth(
  secrets: SecretStore,
  overrides: { apiKey?: string | null } = {},
): WhatAnimeAuthProvider {
  return {
    credentials: () => ({
      apiKey: nonEmpty(overrides.apiKey) ?? nonEmpty(secrets.get('whatanime.apiKey')),
      session: nonEmpty(secrets.get('whatanime.session')),
    }),
  };
}

function nonEmpty(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? null : trimmed;
}
