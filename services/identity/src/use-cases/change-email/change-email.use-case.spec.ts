import {
  FakeKeycloakAdmin,
  FixedClock,
  InMemoryAuditEventRepository,
  InMemoryUserRepository,
} from '../../testing/in-memory';
import { RecordAuditEventUseCase } from '../record-audit-event/record-audit-event.use-case';
import { ChangeEmailUseCase } from './change-email.use-case';

describe(ChangeEmailUseCase.name, () => {
  let keycloak: FakeKeycloakAdmin;
  let audit: InMemoryAuditEventRepository;
  let useCase: ChangeEmailUseCase;

  const account = (id: string, email: string, roles: string[]) =>
    keycloak.users.set(id, {
      id,
      email,
      attributes: {},
      realmRoles: roles,
      roles: new Set(roles),
      requiredActions: [],
    });

  beforeEach(() => {
    keycloak = new FakeKeycloakAdmin();
    audit = new InMemoryAuditEventRepository();
    useCase = new ChangeEmailUseCase(
      keycloak,
      new InMemoryUserRepository(),
      new RecordAuditEventUseCase(audit, new FixedClock(new Date('2026-03-01T08:00:00Z'))),
    );
  });

  it('lets an usager change her e-mail and records it', async () => {
    account('kc-u', 'old@demo.fr', ['usager']);
    await expect(
      useCase.execute({ sub: 'kc-u', email: 'old@demo.fr', roles: ['usager'] }, { email: 'New@Demo.fr' }),
    ).resolves.toEqual({ email: 'new@demo.fr' });
    expect(keycloak.users.get('kc-u')?.email).toBe('new@demo.fr');
    expect(audit.events.map((e) => e.type)).toEqual(['account.email_changed']);
  });

  it('refuses an agent, even signed in through FranceConnect which hides her agent roles', async () => {
    account('kc-i', 'agent@demo.gouv.fr', ['usager', 'instructeur']);
    await expect(
      useCase.execute(
        { sub: 'kc-i', email: 'agent@demo.gouv.fr', roles: ['usager'], idp: 'franceconnect' },
        { email: 'x@demo.fr' },
      ),
    ).rejects.toMatchObject({ code: 'AGENT_EMAIL_CHANGE_FORBIDDEN', kind: 'forbidden' });
    expect(keycloak.users.get('kc-i')?.email).toBe('agent@demo.gouv.fr');
  });

  it('refuses an address another account holds', async () => {
    account('kc-u', 'old@demo.fr', ['usager']);
    account('kc-v', 'taken@demo.fr', ['usager']);
    await expect(
      useCase.execute({ sub: 'kc-u', email: 'old@demo.fr', roles: ['usager'] }, { email: 'taken@demo.fr' }),
    ).rejects.toMatchObject({ code: 'EMAIL_ALREADY_USED' });
  });
});
