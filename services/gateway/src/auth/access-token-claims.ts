import type { InternalIdentity, Role } from '@demarches/platform-auth';

/** The user roles a Keycloak token may grant; `service` is for service accounts and never comes from a user. */
export const USER_ROLES: readonly Role[] = [
  'administrateur',
  'instructeur',
  'usager',
  'expert',
  'platform-admin',
];

/** Roles only agents hold; never granted through FranceConnect (reference rule: agents sign in with e-mail). */
export const AGENT_ROLES: readonly Role[] = ['administrateur', 'instructeur', 'expert', 'platform-admin'];
export const FRANCECONNECT_IDP = 'franceconnect';

/** The claims of a verified access token the gateway reads (Keycloak layout). */
export interface AccessTokenClaims {
  sub?: unknown;
  email?: unknown;
  preferred_username?: unknown;
  name?: unknown;
  realm_access?: unknown;
  /** Keycloak session note mapped by the realm: the alias of the brokered identity provider. */
  identity_provider?: unknown;
  acr?: unknown;
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
  const idp = nonEmptyString(claims.identity_provider) ? claims.identity_provider : undefined;
  let roles = rolesOf(claims.realm_access);
  // A FranceConnect sign-in is an usager's, whatever roles her linked account holds: agent endpoints refuse it.
  if (idp === FRANCECONNECT_IDP) roles = roles.filter((role) => !AGENT_ROLES.includes(role));
  const identity: InternalIdentity = { sub: claims.sub, email, roles };
  if (nonEmptyString(claims.name)) identity.name = claims.name;
  if (idp !== undefined) identity.idp = idp;
  if (nonEmptyString(claims.acr)) identity.acr = claims.acr;
  return identity;
}

function rolesOf(realmAccess: unknown): Role[] {
  if (typeof realmAccess !== 'object' || realmAccess === null || !('roles' in realmAccess)) return [];
  const roles: unknown = realmAccess.roles;
  if (!Array.isArray(roles)) return [];
  return USER_ROLES.filter((role) => roles.includes(role));
}
