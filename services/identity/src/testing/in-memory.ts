// In-memory fakes of identity's ports, with the semantics of the real adapters, for unit specs.
import { type Codec, decodeMessage, eventCodec } from '@demarches/contracts';
import type { OutboxEvent } from '@demarches/platform-mongo';
import { AuditEvent, AuditImportSource, AuditQuery } from '../domain/audit-event';
import { Sighting, User } from '../domain/user';
import {
  KeycloakAdmin,
  KeycloakAdminEvent,
  KeycloakEvent,
  KeycloakUser,
  NewKeycloakUser,
  PivotIdentity,
} from '../keycloak/keycloak-admin';
import { AuditEventRepository } from '../persistence/audit-event.repository';
import { AuditImportCursorRepository } from '../persistence/audit-import-cursor.repository';
import {
  DossierAccess,
  DossierAccessKind,
  DossierAccessRepository,
} from '../persistence/dossier-access.repository';
import { DossierStateChange, DossierStateRepository } from '../persistence/dossier-state.repository';
import { RoleAssignmentRepository, RoleRecord } from '../persistence/role-assignment.repository';
import {
  DemarcheGroupes,
  InstructeurGroupesRepository,
  InstructeurMembership,
} from '../persistence/instructeur-groupes.repository';
import { UserRepository } from '../persistence/user.repository';
import { Clock } from '../use-cases/clock';

export class InMemoryUserRepository extends UserRepository {
  readonly bySub = new Map<string, User>();
  private nextId = 1;

  async recordSighting({ sub, email, roles, at, idp }: Sighting): Promise<User> {
    const existing = this.bySub.get(sub);
    const user: User = existing
      ? { ...existing, email, roles, lastSeenAt: at, version: existing.version + 1 }
      : { id: `user-${this.nextId++}`, sub, email, roles, firstSeenAt: at, lastSeenAt: at, version: 1 };
    if (idp) user.idp = idp;
    else delete user.idp;
    this.bySub.set(sub, user);
    return user;
  }

  async findBySub(sub: string): Promise<User | null> {
    return this.bySub.get(sub) ?? null;
  }

  async savePivotIdentity(sub: string, pivot: PivotIdentity): Promise<void> {
    const user = this.bySub.get(sub);
    if (user) this.bySub.set(sub, { ...user, pivotIdentity: pivot });
  }

  async updateEmail(sub: string, email: string): Promise<void> {
    const user = this.bySub.get(sub);
    if (user) this.bySub.set(sub, { ...user, email });
  }

  async anonymize(sub: string): Promise<void> {
    const user = this.bySub.get(sub);
    if (user) {
      const { pivotIdentity: _p, idp: _i, ...rest } = user;
      this.bySub.set(sub, { ...rest, email: `supprime-${sub}@invalid`, roles: [] });
    }
  }
}

export class InMemoryAuditEventRepository extends AuditEventRepository {
  readonly events: AuditEvent[] = [];

  async append(event: AuditEvent): Promise<void> {
    if (!this.events.some((e) => e.id === event.id)) this.events.push(event);
  }

  async query(q: AuditQuery): Promise<AuditEvent[]> {
    return this.events
      .filter(
        (e) =>
          (!q.type || e.type === q.type) &&
          (!q.actor || e.actor === q.actor) &&
          (!q.subject || e.subject === q.subject) &&
          (!q.from || e.at >= q.from) &&
          (!q.to || e.at <= q.to) &&
          (!q.after ||
            e.at.getTime() < q.after.at.getTime() ||
            (e.at.getTime() === q.after.at.getTime() && e.id < q.after.id)),
      )
      .sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
      .slice(0, q.limit);
  }
}

export class InMemoryAuditImportCursors extends AuditImportCursorRepository {
  readonly positions = new Map<AuditImportSource, Date>();

  async get(source: AuditImportSource): Promise<Date | undefined> {
    return this.positions.get(source);
  }

  async advance(source: AuditImportSource, to: Date): Promise<void> {
    const current = this.positions.get(source);
    if (!current || current < to) this.positions.set(source, to);
  }
}

export class InMemoryDossierStates extends DossierStateRepository {
  readonly states = new Map<
    string,
    { usagerSub?: string; usagerEmail?: string; state: string; version: number }
  >();

  async record({ dossierId, version, state, usagerSub, usagerEmail }: DossierStateChange): Promise<boolean> {
    const current = this.states.get(dossierId);
    if (current && current.version >= version) return false;
    this.states.set(dossierId, {
      ...current,
      state,
      version,
      ...(usagerSub ? { usagerSub } : {}),
      ...(usagerEmail ? { usagerEmail } : {}),
    });
    return true;
  }

  async countEnInstruction(usagerSub: string, usagerEmail?: string): Promise<number> {
    return [...this.states.values()].filter(
      (d) =>
        (d.usagerSub === usagerSub || (usagerEmail !== undefined && d.usagerEmail === usagerEmail)) &&
        d.state === 'en_instruction',
    ).length;
  }
}

export class InMemoryInstructeurGroupes extends InstructeurGroupesRepository {
  readonly byDemarche = new Map<string, DemarcheGroupes>();

  async replace(groupes: DemarcheGroupes): Promise<{ previousEmails: string[] } | null> {
    const current = this.byDemarche.get(groupes.demarcheId);
    if (current && current.version >= groupes.version) return null;
    this.byDemarche.set(groupes.demarcheId, groupes);
    return { previousEmails: current ? emailsOf(current) : [] };
  }

  async membershipsOf(email: string): Promise<InstructeurMembership[]> {
    return [...this.byDemarche.values()]
      .filter((d) => emailsOf(d).includes(email))
      .sort((a, b) => a.number - b.number)
      .map((d) => ({
        demarcheId: d.demarcheId,
        number: d.number,
        title: d.title,
        groupes: d.groupes
          .filter((g) => g.instructeurEmails.includes(email))
          .map(({ id, label }) => ({ id, label })),
      }));
  }
}

function emailsOf(groupes: DemarcheGroupes): string[] {
  return [...new Set(groupes.groupes.flatMap((g) => g.instructeurEmails))].sort();
}

export class InMemoryDossierAccess extends DossierAccessRepository {
  readonly entries = new Map<string, DossierAccess & { active: boolean; version: number }>();

  async set(access: DossierAccess, active: boolean, version: number): Promise<boolean> {
    const id = `${access.kind}:${access.dossierId}:${access.email}`;
    const current = this.entries.get(id);
    if (current && current.version >= version) return false;
    this.entries.set(id, {
      ...access,
      demarcheId: access.demarcheId || current?.demarcheId || '',
      active,
      version,
    });
    return true;
  }

  async activeOf(email: string, kind?: DossierAccessKind): Promise<DossierAccess[]> {
    return [...this.entries.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([, e]) => e)
      .filter((e) => e.email === email && e.active && (!kind || e.kind === kind))
      .map(({ kind: k, dossierId, demarcheId, email: m }) => ({ kind: k, dossierId, demarcheId, email: m }));
  }
}

export class FakeKeycloakAdmin extends KeycloakAdmin {
  readonly users = new Map<string, KeycloakUser & { roles: Set<string>; requiredActions: string[] }>();
  readonly actionEmails: Array<{ sub: string; actions: string[] }> = [];
  kcEvents: KeycloakEvent[] = [];
  kcAdminEvents: KeycloakAdminEvent[] = [];
  readonly serviceAccount = 'kc-service-account-identity';
  private nextId = 1;

  async findUser(sub: string): Promise<KeycloakUser | null> {
    const user = this.users.get(sub);
    return user ? { ...user, realmRoles: [...user.roles] } : null;
  }

  async findUserByEmail(email: string): Promise<KeycloakUser | null> {
    return [...this.users.values()].find((u) => u.email === email) ?? null;
  }

  async createUser(user: NewKeycloakUser): Promise<string> {
    const id = `kc-new-${this.nextId++}`;
    this.users.set(id, {
      id,
      email: user.email,
      attributes: {},
      roles: new Set(user.realmRoles),
      requiredActions: user.requiredActions,
    });
    return id;
  }

  async sendActionsEmail(sub: string, actions: string[]): Promise<void> {
    this.actionEmails.push({ sub, actions });
  }

  async addRealmRole(sub: string, role: string): Promise<void> {
    this.users.get(sub)?.roles.add(role);
  }

  async removeRealmRole(sub: string, role: string): Promise<void> {
    this.users.get(sub)?.roles.delete(role);
  }

  async changeEmail(sub: string, email: string): Promise<void> {
    const user = this.users.get(sub);
    if (user) user.email = email;
  }

  async deleteUser(sub: string): Promise<void> {
    this.users.delete(sub);
  }

  async events(sinceMs: number, first: number, max: number): Promise<KeycloakEvent[]> {
    return [...this.kcEvents]
      .filter((e) => e.time >= sinceMs)
      .sort((a, b) => a.time - b.time)
      .slice(first, first + max);
  }

  async adminEvents(sinceMs: number, first: number, max: number): Promise<KeycloakAdminEvent[]> {
    return [...this.kcAdminEvents]
      .filter((e) => e.time >= sinceMs)
      .sort((a, b) => a.time - b.time)
      .slice(first, first + max);
  }

  async serviceAccountId(): Promise<string> {
    return this.serviceAccount;
  }
}

/** Same optimistic versioning as the Mongo repository; keeps the outbox events it would have written. */
export class InMemoryRoleAssignments extends RoleAssignmentRepository {
  readonly records = new Map<string, RoleRecord>();
  readonly outbox: OutboxEvent[] = [];

  async find(sub: string): Promise<RoleRecord | undefined> {
    return this.records.get(sub);
  }

  async save(
    record: Omit<RoleRecord, 'version'>,
    expectedVersion: number,
    event: (version: number) => OutboxEvent,
  ): Promise<number> {
    const current = this.records.get(record.sub);
    if ((current?.version ?? 0) !== expectedVersion) throw new Error('STALE_VERSION');
    const version = expectedVersion + 1;
    this.records.set(record.sub, { ...record, roles: [...new Set(record.roles)].sort(), version });
    this.outbox.push(event(version));
    return version;
  }

  /** The published events, decoded, in order. */
  published(): Array<{ type: string; key: string; payload: Record<string, unknown> }> {
    return this.outbox.map((e) => ({
      type: e.eventType,
      key: e.key,
      payload: decodeMessage(eventCodec(e.topic, e.eventType) as Codec<unknown>, e.payload) as Record<
        string,
        unknown
      >,
    }));
  }
}

export class FixedClock extends Clock {
  constructor(public current: Date) {
    super();
  }

  override now(): Date {
    return this.current;
  }
}
