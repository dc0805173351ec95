import { ApiToken, tokenState } from '../domain/api-token';

/** What the administrateur sees of a token: never its secret nor its hash. */
export function apiTokenView(token: ApiToken, now: Date) {
  return {
    id: token.id,
    name: token.name,
    scope: token.scope,
    access: token.access,
    expiresAt: token.expiresAt?.toISOString() ?? null,
    allowedIps: token.allowedIps,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    lastUsedIp: token.lastUsedIp,
    revokedAt: token.revokedAt?.toISOString() ?? null,
    state: tokenState(token, now),
  };
}
export type ApiTokenView = ReturnType<typeof apiTokenView>;
