import { createHmac } from 'node:crypto';

/** Key of the HMAC under which token secrets are stored (ADR 0018). */
export const API_TOKEN_HASH_KEY = 'identity:API_TOKEN_HASH_KEY';

/**
 * The configured key, or one derived from the internal token secret for local runs. Production sets
 * API_TOKEN_HASH_KEY: rotating the internal secret must not invalidate every API token.
 */
export function apiTokenHashKey(configured: string | undefined, internalTokenSecret: string): string {
  return (
    configured ??
    createHmac('sha256', internalTokenSecret).update('demarches:api-token-hash-key').digest('hex')
  );
}

/** Last-use is written at most once per this interval per token (the gateway also caches for ~30 s). */
export const LAST_USE_THROTTLE_MS = 60_000;
