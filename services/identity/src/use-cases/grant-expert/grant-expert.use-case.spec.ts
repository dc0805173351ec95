import {
  FakeKeycloakAdmin,
  FixedClock,
  InMemoryAuditEventRepository,
  InMemoryDossierAccess,
  InMemoryRoleAssignments,
} from '../../testing/in-memory';
import { RoleAssignment } from '../assign-role/role-assignment';
import { RecordAuditEventUseCase } from '../record-audit-event/record-audit-event.use-case';
import { GrantExpertUseCase } from './grant-expert.use-case';

describe(GrantExpertUseCase.name, () => {
  const clock = new FixedClock(new Date('2026-03-01T08:00:00Z'));
  let keycloak: FakeKeycloakAdmin;
  let access: InMemoryDossierAccess;
  let audit: InMemoryAuditEventRepository;
  let useCase: GrantExpertUseCase;
  const request = {
    expertEmail: 'Expert@demo.fr',
    dossierId: 'd-1',
    demarcheId: 'dem-1',
    requestedBy: 'kc-instr',
  };

  beforeEach(() => {
    keycloak = new FakeKeycloakAdmin();
    access = new InMemoryDossierAccess();
    audit = new InMemoryAuditEventRepository();
    const roles = new RoleAssignment(
      keycloak,
      new RecordAuditEventUseCase(audit, clock),
      new InMemoryRoleAssignments(),
      clock,
      { AGENT_INVITATION_LIFESPAN_S: 3600 },
    );
    useCase = new GrantExpertUseCase(roles, access, clock);
  });

  it('creates the expert account with only a password to set, and lists the dossier', async () => {
    expect(await useCase.execute(request)).toEqual({ role: 'invited' });
    const expert = [...keycloak.users.values()].find((u) => u.email === 'expert@demo.fr');
    expect(expert?.roles.has('expert')).toBe(true);
    expect(keycloak.actionEmails).toEqual([{ sub: expert?.id, actions: ['UPDATE_PASSWORD'] }]);
    expect(await access.activeOf('expert@demo.fr', 'expert')).toEqual([
      { kind: 'expert', dossierId: 'd-1', demarcheId: 'dem-1', email: 'expert@demo.fr' },
    ]);
    expect(audit.events.find((e) => e.type === 'role.granted')).toMatchObject({
      actor: 'kc-instr',
      details: { role: 'expert', dossierId: 'd-1' },
    });
  });

  it('adds the role to an existing account once, and the second avis only adds the dossier', async () => {
    keycloak.users.set('kc-e', {
      id: 'kc-e',
      email: 'expert@demo.fr',
      attributes: {},
      roles: new Set(['usager']),
      requiredActions: [],
    });
    expect(await useCase.execute(request)).toEqual({ role: 'granted' });
    clock.current = new Date('2026-03-02T08:00:00Z');
    expect(await useCase.execute({ ...request, dossierId: 'd-2' })).toEqual({ role: 'unchanged' });
    expect(keycloak.actionEmails).toEqual([]);
    expect((await access.activeOf('expert@demo.fr')).map((a) => a.dossierId)).toEqual(['d-1', 'd-2']);
  });

  it('refuses an invalid e-mail', async () => {
    await expect(useCase.execute({ ...request, expertEmail: 'pas-un-email' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});
