import { Injectable } from '@nestjs/common';
import { AuditEventType, AuditImportSource } from '../../domain/audit-event';
import { KeycloakAdmin, KeycloakAdminEvent, KeycloakEvent } from '../../keycloak/keycloak-admin';
import { AuditImportCursorRepository } from '../../persistence/audit-import-cursor.repository';
import { Clock } from '../clock';
import {
  RecordAuditEventInput,
  RecordAuditEventUseCase,
} from '../record-audit-event/record-audit-event.use-case';

/** Keycloak keeps 90 days of events (realm eventsExpiration): the first import takes them all. */
const FIRST_IMPORT_LOOKBACK_MS = 90 * 86_400_000;
const PAGE_SIZE = 200;
/** At most this many pages per source and run; the next run carries on from the stored position. */
const MAX_PAGES = 25;

export function auditTypeOf(event: KeycloakEvent): AuditEventType | undefined {
  switch (event.type) {
    case 'LOGIN':
    case 'IDENTITY_PROVIDER_LOGIN':
      return 'auth.sign_in';
    case 'LOGIN_ERROR':
    case 'IDENTITY_PROVIDER_LOGIN_ERROR':
      // Attempts refused while the account is locked keep Keycloak's error (user_temporarily_disabled).
      return 'auth.sign_in_failed';
    // Keycloak 26 records the moment brute-force detection locks the account (details.num_failures, not_before).
    case 'USER_DISABLED_BY_TEMPORARY_LOCKOUT':
    case 'USER_DISABLED_BY_PERMANENT_LOCKOUT':
      return 'auth.lockout';
    case 'LOGOUT':
      return 'auth.sign_out';
    case 'REGISTER':
      return 'auth.registered';
    case 'VERIFY_EMAIL':
      return 'auth.email_verified';
    case 'UPDATE_PASSWORD':
    case 'UPDATE_CREDENTIAL':
      return 'auth.password_updated';
    case 'UPDATE_TOTP':
      return 'auth.second_factor_configured';
    case 'IDENTITY_PROVIDER_LINK_ACCOUNT':
    case 'FEDERATED_IDENTITY_LINK':
      return 'auth.franceconnect_linked';
    default:
      return undefined;
  }
}

/** The user an admin event concerns, from its resource path (`users/<id>/…`). */
function subjectOf(event: KeycloakAdminEvent): string | undefined {
  const match = /^users\/([^/]+)/.exec(event.resourcePath ?? '');
  return match?.[1];
}

export function adminAuditTypeOf(event: KeycloakAdminEvent): AuditEventType {
  const roleMapping =
    event.resourceType === 'REALM_ROLE_MAPPING' || event.resourceType === 'CLIENT_ROLE_MAPPING';
  if (roleMapping && event.operationType === 'CREATE') return 'role.granted';
  if (roleMapping && event.operationType === 'DELETE') return 'role.removed';
  if (event.resourceType === 'USER' && /^users\/[^/]+$/.test(event.resourcePath ?? '')) {
    if (event.operationType === 'CREATE') return 'account.created';
    if (event.operationType === 'UPDATE') return 'account.updated';
    if (event.operationType === 'DELETE') return 'account.deleted';
  }
  if (event.resourceType === 'USER' && /\/reset-password$/.test(event.resourcePath ?? ''))
    return 'auth.password_updated';
  return 'keycloak.admin_change';
}

/** Role names from an admin event's representation (only when the realm records details). */
function rolesOf(event: KeycloakAdminEvent): string | undefined {
  if (!event.representation) return undefined;
  try {
    const parsed = JSON.parse(event.representation) as unknown;
    if (!Array.isArray(parsed)) return undefined;
    const names = parsed
      .map((role: unknown) => (role as { name?: unknown })?.name)
      .filter((name): name is string => typeof name === 'string');
    return names.length ? names.join(',').slice(0, 500) : undefined;
  } catch {
    return undefined;
  }
}

function fromUserEvent(event: KeycloakEvent): RecordAuditEventInput | undefined {
  const type = auditTypeOf(event);
  if (!type) return undefined;
  const details: Record<string, string> = { source: 'keycloak', keycloakType: event.type };
  if (event.error) details.error = event.error;
  for (const key of [
    'identity_provider',
    'auth_method',
    'grant_type',
    'username',
    'client_id',
    'num_failures',
    'not_before',
  ] as const) {
    const value = event.details?.[key];
    if (value) details[key] = value.slice(0, 500);
  }
  return {
    id: `kc-${event.id ?? `${event.time}-${event.type}-${event.userId ?? 'anonymous'}`}`,
    type,
    // A failed attempt on an unknown username has no user: Keycloak itself is the actor.
    actor: event.userId ?? 'keycloak',
    ...(event.userId ? { subject: event.userId } : {}),
    ...(event.ipAddress ? { ip: event.ipAddress } : {}),
    at: new Date(event.time),
    details,
  };
}

function fromAdminEvent(event: KeycloakAdminEvent): RecordAuditEventInput {
  const details: Record<string, string> = {
    source: 'keycloak-admin',
    operation: event.operationType,
    resourceType: event.resourceType,
  };
  if (event.resourcePath) details.resourcePath = event.resourcePath.slice(0, 500);
  if (event.error) details.error = event.error;
  const roles = rolesOf(event);
  if (roles) details.role = roles;
  const subject = subjectOf(event);
  const actor = event.authDetails?.userId;
  return {
    id: `kca-${event.id ?? `${event.time}-${event.operationType}-${event.resourcePath ?? ''}`}`.slice(0, 200),
    type: adminAuditTypeOf(event),
    actor: actor ?? 'keycloak',
    ...(subject ? { subject } : {}),
    ...(event.authDetails?.ipAddress ? { ip: event.authDetails.ipAddress } : {}),
    at: new Date(event.time),
    details,
  };
}

export interface KeycloakImportResult {
  events: number;
  adminEvents: number;
}

/**
 * Copies Keycloak's user events (sign-in, failure, lockout…) and admin events (role mappings, accounts changed in
 * the console) into the audit trail, from the stored position of each source (its last imported event time) to
 * now, oldest first. Idempotent: the audit id is the Keycloak event id, and the position is inclusive, so events
 * of the same millisecond are read again and ignored. Admin events made by identity's own service account are
 * left out: identity audits those changes itself, naming the platform user who asked for them. Run by the
 * `identity-audit-import` job (audit/jobs).
 */
@Injectable()
export class ImportKeycloakEventsUseCase {
  constructor(
    private readonly keycloak: KeycloakAdmin,
    private readonly audit: RecordAuditEventUseCase,
    private readonly cursors: AuditImportCursorRepository,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<KeycloakImportResult> {
    const events = await this.importSource(
      'keycloak-events',
      (since, first) => this.keycloak.events(since, first, PAGE_SIZE),
      fromUserEvent,
    );
    const self = await this.keycloak.serviceAccountId();
    const adminEvents = await this.importSource(
      'keycloak-admin-events',
      (since, first) => this.keycloak.adminEvents(since, first, PAGE_SIZE),
      (event) => (event.authDetails?.userId === self ? undefined : fromAdminEvent(event)),
    );
    return { events, adminEvents };
  }

  private async importSource<E extends { time: number }>(
    source: AuditImportSource,
    page: (sinceMs: number, first: number) => Promise<E[]>,
    toAudit: (event: E) => RecordAuditEventInput | undefined,
  ): Promise<number> {
    const position = await this.cursors.get(source);
    const since = position?.getTime() ?? this.clock.now().getTime() - FIRST_IMPORT_LOOKBACK_MS;
    let imported = 0;
    for (let index = 0; index < MAX_PAGES; index += 1) {
      const events = await page(since, index * PAGE_SIZE);
      let last: number | undefined;
      for (const event of events) {
        const input = toAudit(event);
        if (input) {
          await this.audit.recordAuditEvent(input);
          imported += 1;
        }
        last = Math.max(last ?? event.time, event.time);
      }
      // Everything up to `last` is in the trail: a crash after this point never loses an event.
      if (last !== undefined) await this.cursors.advance(source, new Date(last));
      if (events.length < PAGE_SIZE) break;
    }
    return imported;
  }
}
