export const ROLES = ['administrateur', 'instructeur', 'usager', 'expert', 'service'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, as asserted by the gateway. */
export interface InternalIdentity {
  sub: string;
  email: string;
  roles: Role[];
  name?: string;
}

export const INTERNAL_IDENTITY_HEADER = 'x-demarches-identity';
export const INTERNAL_TOKEN_ISSUER = 'demarches-gateway';
export const INTERNAL_TOKEN_AUDIENCE = 'demarches-services';
export const INTERNAL_TOKEN_TTL_S = 60;
export const MIN_SECRET_LENGTH = 32;
