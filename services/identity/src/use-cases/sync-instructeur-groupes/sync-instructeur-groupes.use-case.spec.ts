import {
  FakeKeycloakAdmin,
  FixedClock,
  InMemoryAuditEventRepository,
  InMemoryInstructeurGroupes,
  InMemoryRoleAssignments,
} from '../../testing/in-memory';
import { RoleAssignment } from '../assign-role/role-assignment';
import { RecordAuditEventUseCase } from '../record-audit-event/record-audit-event.use-case';
import { SyncInstructeurGroupesUseCase } from './sync-instructeur-groupes.use-case';

const at = new Date('2026-03-01T08:00:00Z');

function event(
  version: number,
  groupes: Array<[string, string[]]>,
  demarcheId = 'dem-1',
  invitedEmails: string[] = [],
) {
  return {
    demarcheId,
    number: demarcheId === 'dem-1' ? 1 : 2,
    title: `Démarche ${demarcheId}`,
    groupesInstructeurs: groupes.map(([id, emails]) => ({
      id,
      label: `Groupe ${id}`,
      instructeurEmails: emails,
      routingValues: [],
      closed: false,
      isDefault: id === 'g-1',
    })),
    invitedEmails,
    at,
    version,
  };
}

describe(SyncInstructeurGroupesUseCase.name, () => {
  let keycloak: FakeKeycloakAdmin;
  let groupes: InMemoryInstructeurGroupes;
  let audit: InMemoryAuditEventRepository;
  let records: InMemoryRoleAssignments;
  let useCase: SyncInstructeurGroupesUseCase;

  const account = (id: string, email: string, roles: string[] = ['usager']) =>
    keycloak.users.set(id, { id, email, attributes: {}, roles: new Set(roles), requiredActions: [] });

  beforeEach(() => {
    keycloak = new FakeKeycloakAdmin();
    groupes = new InMemoryInstructeurGroupes();
    audit = new InMemoryAuditEventRepository();
    const clock = new FixedClock(at);
    records = new InMemoryRoleAssignments();
    const roles = new RoleAssignment(keycloak, new RecordAuditEventUseCase(audit, clock), records, clock, {
      AGENT_INVITATION_LIFESPAN_S: 3600,
    });
    useCase = new SyncInstructeurGroupesUseCase(groupes, roles);
  });

  it('grants the instructeur role to an existing account and lists her démarche and groupe', async () => {
    account('kc-a', 'alice@demo.fr');
    const result = await useCase.execute(event(2, [['g-1', ['Alice@Demo.fr']]]));
    expect(result.changes).toEqual({ 'alice@demo.fr': 'granted' });
    expect(keycloak.users.get('kc-a')?.roles.has('instructeur')).toBe(true);
    expect(await groupes.membershipsOf('alice@demo.fr')).toEqual([
      {
        demarcheId: 'dem-1',
        number: 1,
        title: 'Démarche dem-1',
        groupes: [{ id: 'g-1', label: 'Groupe g-1' }],
      },
    ]);
    expect(audit.events.map((e) => [e.type, e.subject, e.details['role']])).toEqual([
      ['role.granted', 'kc-a', 'instructeur'],
    ]);
  });

  it('invites an e-mail without an account: account with the role, password and TOTP link mailed', async () => {
    const result = await useCase.execute(event(2, [['g-1', ['new@demo.fr']]], 'dem-1', ['new@demo.fr']));
    expect(result.changes).toEqual({ 'new@demo.fr': 'invited' });
    const created = [...keycloak.users.values()].find((u) => u.email === 'new@demo.fr');
    expect(created?.roles.has('instructeur')).toBe(true);
    expect(keycloak.actionEmails).toEqual([
      { sub: created?.id, actions: ['UPDATE_PASSWORD', 'CONFIGURE_TOTP'] },
    ]);
  });

  it('is a no-op on a replay and ignores an older event', async () => {
    account('kc-a', 'alice@demo.fr');
    await useCase.execute(event(2, [['g-1', ['alice@demo.fr']]]));
    expect((await useCase.execute(event(2, [['g-1', ['alice@demo.fr']]]))).applied).toBe(false);
    expect((await useCase.execute(event(1, [['g-1', []]]))).applied).toBe(false);
    expect(keycloak.users.get('kc-a')?.roles.has('instructeur')).toBe(true);
    expect(audit.events).toHaveLength(1);
    expect(records.published().map((e) => e.type)).toEqual(['RoleGranted']);
  });

  it('withdraws the role when she left her last groupe, keeps it while another démarche has her', async () => {
    account('kc-a', 'alice@demo.fr');
    account('kc-b', 'bob@demo.fr');
    await useCase.execute(event(2, [['g-1', ['alice@demo.fr', 'bob@demo.fr']]]));
    await useCase.execute(event(5, [['g-9', ['bob@demo.fr']]], 'dem-2'));
    const result = await useCase.execute(
      event(3, [
        ['g-1', []],
        ['g-2', []],
      ]),
    );
    expect(result.changes).toEqual({ 'alice@demo.fr': 'removed', 'bob@demo.fr': 'unchanged' });
    expect(keycloak.users.get('kc-a')?.roles.has('instructeur')).toBe(false);
    expect(keycloak.users.get('kc-b')?.roles.has('instructeur')).toBe(true);
    expect(await groupes.membershipsOf('bob@demo.fr')).toEqual([
      expect.objectContaining({ demarcheId: 'dem-2', groupes: [{ id: 'g-9', label: 'Groupe g-9' }] }),
    ]);
    expect(audit.events.filter((e) => e.type === 'role.removed').map((e) => e.subject)).toEqual(['kc-a']);
    expect(records.published().map((e) => [e.type, e.key, e.payload['role'], e.payload['version']])).toEqual([
      ['RoleGranted', 'kc-a', 'ACCOUNT_ROLE_INSTRUCTEUR', 1],
      ['RoleGranted', 'kc-b', 'ACCOUNT_ROLE_INSTRUCTEUR', 1],
      ['RoleRemoved', 'kc-a', 'ACCOUNT_ROLE_INSTRUCTEUR', 2],
    ]);
    expect(records.records.get('kc-a')?.roles).toEqual([]);
  });

  it('lists only the groupes she belongs to', async () => {
    account('kc-a', 'alice@demo.fr');
    await useCase.execute(
      event(2, [
        ['g-1', ['x@demo.fr']],
        ['g-2', ['alice@demo.fr']],
      ]),
    );
    expect((await groupes.membershipsOf('alice@demo.fr'))[0]?.groupes).toEqual([
      { id: 'g-2', label: 'Groupe g-2' },
    ]);
  });
});
