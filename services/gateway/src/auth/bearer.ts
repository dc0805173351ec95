/**
 * API tokens (ADR 0018) look like `dmt_<32 hex id>_<43 base64url secret>`: the prefix tells them from Keycloak
 * JWTs (which start with `eyJ`) without any lookup, and lets secret scanners recognise a leaked one.
 */
export const API_TOKEN_PREFIX = 'dmt_';
const API_TOKEN = /^dmt_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/;
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export type BearerCredential = { kind: 'jwt'; token: string } | { kind: 'api_token'; token: string };

/**
 * The credential of an Authorization header: `Bearer <token>`, or `Bearer token=<token>` as the reference's API
 * clients send it. Undefined when the header is malformed or the token is neither a JWT nor an API token.
 */
export function parseBearer(header: string): BearerCredential | undefined {
  const match = /^Bearer[ ]+(?:token=)?("?)([^\s"]+)\1[ ]*$/i.exec(header);
  const token = match?.[2];
  if (token === undefined) return undefined;
  if (token.startsWith(API_TOKEN_PREFIX))
    return API_TOKEN.test(token) ? { kind: 'api_token', token } : undefined;
  return JWT.test(token) ? { kind: 'jwt', token } : undefined;
}
