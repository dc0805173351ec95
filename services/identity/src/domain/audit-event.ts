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
  'account.created',
  'account.updated',
  'account.email_changed',
  'account.deleted',
  /** Any other change made in Keycloak's administration (console or admin API) by someone else than identity. */
  'keycloak.admin_change',
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

/** Position after which a page of the trail (newest first) continues: the last entry of the previous page. */
export interface AuditCursor {
  at: Date;
  id: string;
}

export interface AuditQuery {
  type?: AuditEventType;
  actor?: string;
  subject?: string;
  from?: Date;
  to?: Date;
  /** Entries strictly older than this position (same instant: smaller id). */
  after?: AuditCursor;
  limit: number;
}

/** Where an import of an external event source (Keycloak user events, admin events) has got to. */
export type AuditImportSource = 'keycloak-events' | 'keycloak-admin-events';
