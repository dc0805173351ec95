/**
 * Authentication and authorisation events kept for a platform admin (issue #3 item 9). Types are dotted
 * `<area>.<what>`; API tokens (ID-B) record `token.created`, `token.used`, `token.revoked`.
 */
export const AUDIT_EVENT_TYPES = [
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.lockout',
  'auth.sign_out',
  'auth.registered',
  'auth.email_verified',
  'auth.password_updated',
  'auth.second_factor_configured',
  'auth.franceconnect_linked',
  'token.created',
  'token.used',
  'token.revoked',
  'role.granted',
  'role.removed',
  'agent.invited',
  'account.email_changed',
  'account.deleted',
] as const;
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

export interface AuditEvent {
  id: string;
  type: AuditEventType;
  /** Who acted (OIDC sub), `system` or `keycloak` when nobody did. */
  actor: string;
  /** Whom or what it concerned (a user's sub, a token id). */
  subject?: string;
  ip?: string;
  at: Date;
  details: Record<string, string | number | boolean>;
}

export interface AuditQuery {
  type?: AuditEventType;
  actor?: string;
  subject?: string;
  from?: Date;
  to?: Date;
  limit: number;
}
