// `platform-admin` runs the platform itself (grants the administrateur role, reads the audit trail).
export const ROLES = [
  'administrateur',
  'instructeur',
  'usager',
  'expert',
  'service',
  'platform-admin',
] as const;
export type Role = (typeof ROLES)[number];

/** How the gateway authenticated the caller: an OIDC access token (Keycloak) or an administrateur's API token. */
export type AuthenticatedVia = 'oidc' | 'api_token';

/** An API token's reach: every démarche its owner administers, or a list of démarche ids. */
export type ApiTokenScope = 'all' | string[];
export type ApiTokenAccess = 'read' | 'read_write';

/** Present when the caller presented an API token (ADR 0018): services enforce its scope and access. */
export interface ApiTokenGrant {
  id: string;
  scope: ApiTokenScope;
  access: ApiTokenAccess;
}

/**
 * The FranceConnect « identité pivot » of a FranceConnect sign-in (as FranceConnect gave it, not as the user may have
 * edited her profile since): offered to prefill the usager's identity step.
 */
export interface FranceConnectPivot {
  /** Every first name, space-separated (OIDC given_name). */
  givenName: string;
  /** Birth name (OIDC family_name). */
  familyName: string;
  /** OIDC gender: "male" / "female". */
  gender?: string;
}

/** Who is calling, as asserted by the gateway. */
export interface InternalIdentity {
  sub: string;
  email: string;
  roles: Role[];
  name?: string;
  via?: AuthenticatedVia;
  token?: ApiTokenGrant;
  /** The identity provider Keycloak brokered the sign-in to (`franceconnect`), absent for a Keycloak password. */
  idp?: string;
  /** Authentication context class of the sign-in (FranceConnect: `eidas1`). */
  acr?: string;
  /** Present only for a FranceConnect sign-in whose token carries the pivot identity. */
  franceConnect?: FranceConnectPivot;
}

export const INTERNAL_IDENTITY_HEADER = 'x-demarches-identity';
export const INTERNAL_TOKEN_ISSUER = 'demarches-gateway';
export const INTERNAL_TOKEN_AUDIENCE = 'demarches-services';
export const INTERNAL_TOKEN_TTL_S = 60;
export const MIN_SECRET_LENGTH = 32;
