import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@demarches/platform-config';
import { IdentityConfig } from '../../config';
import { KeycloakAdmin } from '../../keycloak/keycloak-admin';
import { requiredActionsFor } from '../invite-agent/invite-agent.use-case';
import { RecordAuditEventUseCase } from '../record-audit-event/record-audit-event.use-case';

/** Roles identity grants and withdraws following other services' facts (not the administrateur role). */
export type DerivedRole = 'instructeur' | 'expert';

export type RoleChange = 'granted' | 'invited' | 'unchanged' | 'removed';

/**
 * Keeps a Keycloak realm role in step with what the platform knows (groupe membership, avis request): grants it
 * to an existing account, or creates the account and mails the invitation link when the e-mail has none, and
 * withdraws it. Each actual change is audited (`role.granted`, `role.removed`, `agent.invited`); a repeat is a
 * no-op, so consumers may replay events. Changes of one e-mail are serialised within the process.
 */
@Injectable()
export class RoleAssignment {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly keycloak: KeycloakAdmin,
    private readonly audit: RecordAuditEventUseCase,
    @Inject(APP_CONFIG) private readonly config: Pick<IdentityConfig, 'AGENT_INVITATION_LIFESPAN_S'>,
  ) {}

  grant(
    email: string,
    role: DerivedRole,
    context: Record<string, string | number | boolean>,
    actor = 'system',
  ): Promise<RoleChange> {
    return this.serialised(email, async () => {
      const account = await this.keycloak.findUserByEmail(email);
      if (!account) {
        const actions = requiredActionsFor(role);
        const sub = await this.keycloak.createUser({ email, realmRoles: [role], requiredActions: actions });
        await this.keycloak.sendActionsEmail(sub, actions, this.config.AGENT_INVITATION_LIFESPAN_S);
        await this.audit.recordAuditEvent({
          type: 'agent.invited',
          actor,
          subject: sub,
          details: { role, ...context },
        });
        await this.audit.recordAuditEvent({
          type: 'role.granted',
          actor,
          subject: sub,
          details: { role, ...context },
        });
        return 'invited';
      }
      const current = await this.keycloak.findUser(account.id);
      if (current?.realmRoles?.includes(role)) return 'unchanged';
      await this.keycloak.addRealmRole(account.id, role);
      await this.audit.recordAuditEvent({
        type: 'role.granted',
        actor,
        subject: account.id,
        details: { role, ...context },
      });
      return 'granted';
    });
  }

  /** `stillHolds` is asked again inside the per-e-mail queue: a concurrent grant is never undone by a stale view. */
  withdraw(
    email: string,
    role: DerivedRole,
    stillHolds: () => Promise<boolean>,
    context: Record<string, string | number | boolean>,
    actor = 'system',
  ): Promise<RoleChange> {
    return this.serialised(email, async () => {
      if (await stillHolds()) return 'unchanged';
      const account = await this.keycloak.findUserByEmail(email);
      if (!account) return 'unchanged';
      const current = await this.keycloak.findUser(account.id);
      if (!current?.realmRoles?.includes(role)) return 'unchanged';
      await this.keycloak.removeRealmRole(account.id, role);
      await this.audit.recordAuditEvent({
        type: 'role.removed',
        actor,
        subject: account.id,
        details: { role, ...context },
      });
      return 'removed';
    });
  }

  private serialised<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    this.queues.set(key, next);
    void next
      .catch(() => undefined)
      .finally(() => {
        if (this.queues.get(key) === next) this.queues.delete(key);
      });
    return next;
  }
}
