import type { InternalIdentity, Role } from '@demarches/platform-auth';

/** The user roles a Keycloak token may grant; `service` is for service accounts and never comes from a user. */
export const USER_ROLES: readonly Role[] = ['administrateur', 'instructeur', 'usager', 'expert'];

/** The claims of a verified access token the gateway reads (Keycloak layout). */
export interface AccessTokenClaims {
  sub?: unknown;
  email?: unknown;
  preferred_username?: unknown;
  name?: unknown;
  realm_access?: unknown;
}

const nonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/**
 * The identity the gateway vouches for. Keycloak puts realm roles in `realm_access.roles`, mixed with technical
 * ones (offline_access, default-roles-…), hence the filter. A token without subject or e-mail identifies nobody.
 */
export function identityFromClaims(claims: AccessTokenClaims): InternalIdentity | undefined {
  if (!nonEmptyString(claims.sub)) return undefined;
  const email = nonEmptyString(claims.email)
    ? claims.email
    : nonEmptyString(claims.preferred_username)
      ? claims.preferred_username
      : undefined;
  if (email === undefined) return undefined;
  const identity: InternalIdentity = { sub: claims.sub, email, roles: rolesOf(claims.realm_access) };
  if (nonEmptyString(claims.name)) identity.name = claims.name;
  return identity;
}

function rolesOf(realmAccess: unknown): Role[] {
  if (typeof realmAccess !== 'object' || realmAccess === null || !('roles' in realmAccess)) return [];
  const roles: unknown = realmAccess.roles;
  if (!Array.isArray(roles)) return [];
  return USER_ROLES.filter((role) => roles.includes(role));
}
