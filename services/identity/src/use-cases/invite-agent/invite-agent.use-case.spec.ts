import {
  FakeKeycloakAdmin,
  FixedClock,
  InMemoryAuditEventRepository,
  InMemoryRoleAssignments,
} from '../../testing/in-memory';
import { RoleAssignment } from '../assign-role/role-assignment';
import { RecordAuditEventUseCase } from '../record-audit-event/record-audit-event.use-case';
import { InviteAgentUseCase } from './invite-agent.use-case';

describe(InviteAgentUseCase.name, () => {
  let keycloak: FakeKeycloakAdmin;
  let audit: InMemoryAuditEventRepository;
  let useCase: InviteAgentUseCase;
  let records: InMemoryRoleAssignments;
  const admin = { sub: 'kc-admin', email: 'admin@demo.gouv.fr', roles: ['administrateur' as const] };

  beforeEach(() => {
    keycloak = new FakeKeycloakAdmin();
    audit = new InMemoryAuditEventRepository();
    const clock = new FixedClock(new Date('2026-03-01T08:00:00Z'));
    const recordAudit = new RecordAuditEventUseCase(audit, clock);
    records = new InMemoryRoleAssignments();
    const config = { AGENT_INVITATION_LIFESPAN_S: 259_200 };
    useCase = new InviteAgentUseCase(
      keycloak,
      recordAudit,
      new RoleAssignment(keycloak, recordAudit, records, clock, config),
      config,
    );
  });

  it('creates an instructeur who must set a password and a second factor, and mails her the link', async () => {
    const { sub } = await useCase.execute(admin, { email: 'Nouvelle@Demo.gouv.fr', role: 'instructeur' });
    expect(keycloak.users.get(sub)).toMatchObject({
      email: 'nouvelle@demo.gouv.fr',
      requiredActions: ['UPDATE_PASSWORD', 'CONFIGURE_TOTP'],
    });
    expect([...(keycloak.users.get(sub)?.roles ?? [])]).toEqual(['instructeur']);
    expect(keycloak.actionEmails).toEqual([{ sub, actions: ['UPDATE_PASSWORD', 'CONFIGURE_TOTP'] }]);
    expect(audit.events.map((e) => e.type)).toEqual(['agent.invited', 'role.granted']);
    expect(records.published()).toEqual([
      {
        type: 'RoleGranted',
        key: sub,
        payload: expect.objectContaining({
          userSub: sub,
          email: 'nouvelle@demo.gouv.fr',
          role: 'ACCOUNT_ROLE_INSTRUCTEUR',
          grantedBy: 'kc-admin',
          invited: true,
          version: 1,
        }),
      },
    ]);
  });

  it('refuses an address that already has an account', async () => {
    await useCase.execute(admin, { email: 'a@demo.gouv.fr', role: 'expert' });
    await expect(
      useCase.execute(admin, { email: 'a@demo.gouv.fr', role: 'instructeur' }),
    ).rejects.toMatchObject({
      code: 'EMAIL_ALREADY_USED',
    });
  });

  it('lets only a platform admin invite an administrateur', async () => {
    await expect(
      useCase.execute(admin, { email: 'b@demo.gouv.fr', role: 'administrateur' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const platform = { ...admin, roles: ['platform-admin' as const] };
    await expect(
      useCase.execute(platform, { email: 'b@demo.gouv.fr', role: 'administrateur' }),
    ).resolves.toHaveProperty('sub');
  });
});
