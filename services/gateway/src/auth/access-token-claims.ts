import type { FranceConnectPivot, InternalIdentity, Role } from '@demarches/platform-auth';

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
  /**
   * The pivot identity as FranceConnect gave it (realm protocol mappers of the user attributes the FranceConnect
   * broker imports; users cannot edit them), preferred over given_name/family_name, which follow the profile.
   */
  fc_given_name?: unknown;
  fc_family_name?: unknown;
  given_name?: unknown;
  family_name?: unknown;
  gender?: unknown;
  /** The client the token was issued to. */
  azp?: unknown;
}

/** What a deployment allows when it turns a token into an identity. */
export interface SignInPolicy {
  /**
   * Clients whose tokens never carry agent roles: a password-grant client (demarches-cli) skips the second factor
   * agents must pass in the browser flow, so production lists it here (Helm value); development leaves it empty.
   */
  clientsWithoutAgentRoles: readonly string[];
}

export const SIGN_IN_POLICY = 'gateway:SIGN_IN_POLICY';
export const OPEN_SIGN_IN_POLICY: SignInPolicy = { clientsWithoutAgentRoles: [] };

const nonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/**
 * The identity the gateway vouches for. Keycloak puts realm roles in `realm_access.roles`, mixed with technical
 * ones (offline_access, default-roles-…), hence the filter. A token without subject or e-mail identifies nobody.
 */
export function identityFromClaims(
  claims: AccessTokenClaims,
  policy: SignInPolicy = OPEN_SIGN_IN_POLICY,
): InternalIdentity | undefined {
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
  const withoutSecondFactor =
    nonEmptyString(claims.azp) && policy.clientsWithoutAgentRoles.includes(claims.azp);
  if (idp === FRANCECONNECT_IDP || withoutSecondFactor) {
    roles = roles.filter((role) => !AGENT_ROLES.includes(role));
  }
  const identity: InternalIdentity = { sub: claims.sub, email, roles };
  if (nonEmptyString(claims.name)) identity.name = claims.name;
  if (idp !== undefined) identity.idp = idp;
  if (nonEmptyString(claims.acr)) identity.acr = claims.acr;
  if (idp === FRANCECONNECT_IDP) {
    const pivot = franceConnectPivot(claims);
    if (pivot !== undefined) identity.franceConnect = pivot;
  }
  return identity;
}

const PIVOT_MAX_LENGTH = 255;
const pivotString = (value: unknown): string | undefined =>
  nonEmptyString(value) && value.trim().length > 0 && value.length <= PIVOT_MAX_LENGTH
    ? value.trim()
    : undefined;

/** The pivot identity of a FranceConnect sign-in (prefill of the usager's identity step); both names or nothing. */
export function franceConnectPivot(claims: AccessTokenClaims): FranceConnectPivot | undefined {
  const givenName = pivotString(claims.fc_given_name) ?? pivotString(claims.given_name);
  const familyName = pivotString(claims.fc_family_name) ?? pivotString(claims.family_name);
  if (givenName === undefined || familyName === undefined) return undefined;
  const pivot: FranceConnectPivot = { givenName, familyName };
  if (claims.gender === 'male' || claims.gender === 'female') pivot.gender = claims.gender;
  return pivot;
}

function rolesOf(realmAccess: unknown): Role[] {
  if (typeof realmAccess !== 'object' || realmAccess === null || !('roles' in realmAccess)) return [];
  const roles: unknown = realmAccess.roles;
  if (!Array.isArray(roles)) return [];
  return USER_ROLES.filter((role) => roles.includes(role));
}
