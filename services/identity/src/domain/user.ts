import type { Role } from '@demarches/platform-auth';
import type { PivotIdentity } from '../keycloak/keycloak-admin';

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
  /** Identity provider of the last sign-in (`franceconnect`), absent for a Keycloak password. */
  idp?: string;
  /** FranceConnect's pivot identity, kept to prefill the usager's identity step. */
  pivotIdentity?: PivotIdentity;
}

/** Agents are those whom the reference forbids e-mail changes and FranceConnect (CGU, FAQ « agents »). */
export const AGENT_ROLES: readonly Role[] = ['administrateur', 'instructeur', 'expert', 'platform-admin'];

export function isAgent(roles: readonly Role[]): boolean {
  return roles.some((role) => AGENT_ROLES.includes(role));
}

/** What the gateway asserts on each request; Keycloak stays the source of truth for e-mail and roles for now. */
export interface Sighting {
  sub: string;
  email: string;
  roles: Role[];
  at: Date;
  idp?: string;
}

/** E-mails are compared case-insensitively everywhere (invitations, instructeur lists), so store them folded. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Agents set a password AND a second factor (ADR 0017); experts only a password (they are not agents). */
export function requiredActionsFor(role: 'instructeur' | 'administrateur' | 'expert'): string[] {
  return role === 'expert' ? ['UPDATE_PASSWORD'] : ['UPDATE_PASSWORD', 'CONFIGURE_TOTP'];
}
