import { Injectable } from '@nestjs/common';
import { AuditEventType } from '../../domain/audit-event';
import { KeycloakAdmin, KeycloakEvent } from '../../keycloak/keycloak-admin';
import { Clock } from '../clock';
import { RecordAuditEventUseCase } from '../record-audit-event/record-audit-event.use-case';

/** Keycloak's event store keeps 90 days (realm eventsExpiration); each import looks back this far. */
const LOOKBACK_MS = 2 * 86_400_000;
const MAX_EVENTS = 1000;

export function auditTypeOf(event: KeycloakEvent): AuditEventType | undefined {
  switch (event.type) {
    case 'LOGIN':
    case 'IDENTITY_PROVIDER_LOGIN':
      return 'auth.sign_in';
    case 'LOGIN_ERROR':
      // Keycloak answers a locked account's attempts with this error (brute-force detection).
      return event.error === 'user_temporarily_disabled' ? 'auth.lockout' : 'auth.sign_in_failed';
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

/**
 * Copies Keycloak's sign-in events (success, failure, lockout…) into the audit trail. Idempotent: the audit id is
 * derived from the Keycloak event, so overlapping imports add nothing twice. Runs before each audit query.
 */
@Injectable()
export class ImportKeycloakEventsUseCase {
  constructor(
    private readonly keycloak: KeycloakAdmin,
    private readonly audit: RecordAuditEventUseCase,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<number> {
    const events = await this.keycloak.events(this.clock.now().getTime() - LOOKBACK_MS, MAX_EVENTS);
    let imported = 0;
    for (const event of events) {
      const type = auditTypeOf(event);
      if (!type) continue;
      const details: Record<string, string> = { keycloakType: event.type };
      if (event.error) details.error = event.error;
      for (const key of ['identity_provider', 'auth_method', 'username', 'client_id'] as const) {
        const value = event.details?.[key];
        if (value) details[key] = value;
      }
      await this.audit.recordAuditEvent({
        id: `kc-${event.id ?? `${event.time}-${event.type}-${event.userId ?? 'anonymous'}`}`,
        type,
        actor: event.userId ?? 'keycloak',
        ...(event.userId ? { subject: event.userId } : {}),
        ...(event.ipAddress ? { ip: event.ipAddress } : {}),
        at: new Date(event.time),
        details,
      });
      imported += 1;
    }
    return imported;
  }
}
