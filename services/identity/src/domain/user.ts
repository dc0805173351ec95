import type { Role } from '@demarches/platform-auth';

/** A person known to the platform, keyed by the OIDC subject of her identity provider account. */
export interface User {
  id: string;
  /** OIDC subject (Keycloak user id); stable even when the e-mail changes. */
  sub: string;
  email: string;
  roles: Role[];
  firstSeenAt: Date;
  lastSeenAt: Date;
  version: number;
}

/** What the gateway asserts on each request; Keycloak stays the source of truth for e-mail and roles for now. */
export interface Sighting {
  sub: string;
  email: string;
  roles: Role[];
  at: Date;
}

/** E-mails are compared case-insensitively everywhere (invitations, instructeur lists), so store them folded. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
