import { Inject, Injectable } from '@nestjs/common';
import { AccountRole, Topics } from '@demarches/contracts';
import { APP_CONFIG } from '@demarches/platform-config';
import { outboxEvent } from '@demarches/platform-kafka';
import { IdentityConfig } from '../../config';
import { requiredActionsFor } from '../../domain/user';
import { KeycloakAdmin } from '../../keycloak/keycloak-admin';
import { RoleAssignmentRepository } from '../../persistence/role-assignment.repository';
import { Clock } from '../clock';
import { RecordAuditEventUseCase } from '../record-audit-event/record-audit-event.use-case';

/** Roles identity grants and withdraws following other services' facts. */
export type DerivedRole = 'instructeur' | 'expert';
/** Roles whose changes identity publishes (RoleGranted / RoleRemoved on demarches.identity.v1). */
export type PublishedRole = DerivedRole | 'administrateur';

export type RoleChange = 'granted' | 'invited' | 'unchanged' | 'removed';

/** What a role change concerns, for the audit trail and the published event. */
export interface RoleContext {
  demarcheId?: string;
  dossierId?: string;
}

const ACCOUNT_ROLES: Record<PublishedRole, AccountRole> = {
  administrateur: AccountRole.ADMINISTRATEUR,
  instructeur: AccountRole.INSTRUCTEUR,
  expert: AccountRole.EXPERT,
};

/**
 * Keeps a Keycloak realm role in step with what the platform knows (groupe membership, avis request): grants it
 * to an existing account, or creates the account and mails the invitation link when the e-mail has none, and
 * withdraws it. Each actual Keycloak change is audited (`role.granted`, `role.removed`, `agent.invited`), and
 * identity's record of granted roles publishes RoleGranted / RoleRemoved through its outbox. A repeat is a no-op,
 * so consumers may replay events; a replay after a crash between Keycloak and the record completes the record.
 * Changes of one e-mail are serialised within the process.
 */
@Injectable()
export class RoleAssignment {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly keycloak: KeycloakAdmin,
    private readonly audit: RecordAuditEventUseCase,
    private readonly records: RoleAssignmentRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: Pick<IdentityConfig, 'AGENT_INVITATION_LIFESPAN_S'>,
  ) {}

  grant(email: string, role: DerivedRole, context: RoleContext, actor = 'system'): Promise<RoleChange> {
    return this.serialised(email, async () => {
      const details = { role, ...context };
      const account = await this.keycloak.findUserByEmail(email);
      let sub: string;
      let change: RoleChange;
      if (!account) {
        const actions = requiredActionsFor(role);
        sub = await this.keycloak.createUser({ email, realmRoles: [role], requiredActions: actions });
        await this.keycloak.sendActionsEmail(sub, actions, this.config.AGENT_INVITATION_LIFESPAN_S);
        await this.audit.recordAuditEvent({ type: 'agent.invited', actor, subject: sub, details });
        change = 'invited';
      } else {
        sub = account.id;
        const current = await this.keycloak.findUser(account.id);
        if (current?.realmRoles?.includes(role)) change = 'unchanged';
        else {
          await this.keycloak.addRealmRole(account.id, role);
          change = 'granted';
        }
      }
      if (change !== 'unchanged')
        await this.audit.recordAuditEvent({ type: 'role.granted', actor, subject: sub, details });
      await this.recordChange(sub, email, role, 'granted', {
        actor,
        invited: change === 'invited',
        ...context,
      });
      return change;
    });
  }

  /** `stillHolds` is asked again inside the per-e-mail queue: a concurrent grant is never undone by a stale view. */
  withdraw(
    email: string,
    role: DerivedRole,
    stillHolds: () => Promise<boolean>,
    context: RoleContext,
    actor = 'system',
  ): Promise<RoleChange> {
    return this.serialised(email, async () => {
      if (await stillHolds()) return 'unchanged';
      const account = await this.keycloak.findUserByEmail(email);
      if (!account) return 'unchanged';
      const current = await this.keycloak.findUser(account.id);
      let change: RoleChange = 'unchanged';
      if (current?.realmRoles?.includes(role)) {
        await this.keycloak.removeRealmRole(account.id, role);
        await this.audit.recordAuditEvent({
          type: 'role.removed',
          actor,
          subject: account.id,
          details: { role, ...context },
        });
        change = 'removed';
      }
      await this.recordChange(account.id, email, role, 'removed', { actor, ...context });
      return change;
    });
  }

  /**
   * Records a role change identity made in Keycloak and publishes it, unless the record already says so (then
   * nothing is written: replays publish nothing twice). Also used by the administrateur grant and withdrawal.
   */
  async recordChange(
    sub: string,
    email: string,
    role: PublishedRole,
    change: 'granted' | 'removed',
    meta: RoleContext & { actor: string; invited?: boolean },
  ): Promise<boolean> {
    const record = await this.records.find(sub);
    const roles = new Set(record?.roles ?? []);
    if (change === 'granted' ? roles.has(role) : !roles.has(role)) return false;
    if (change === 'granted') roles.add(role);
    else roles.delete(role);
    const at = this.clock.now();
    await this.records.save({ sub, email, roles: [...roles] }, record?.version ?? 0, (version) =>
      change === 'granted'
        ? outboxEvent(Topics.identity, 'RoleGranted', sub, {
            userSub: sub,
            email,
            role: ACCOUNT_ROLES[role],
            grantedBy: meta.actor,
            invited: meta.invited ?? false,
            demarcheId: meta.demarcheId ?? '',
            dossierId: meta.dossierId ?? '',
            at,
            version,
          })
        : outboxEvent(Topics.identity, 'RoleRemoved', sub, {
            userSub: sub,
            email,
            role: ACCOUNT_ROLES[role],
            removedBy: meta.actor,
            demarcheId: meta.demarcheId ?? '',
            at,
            version,
          }),
    );
    return true;
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
