import {
  FakeKeycloakAdmin,
  FixedClock,
  InMemoryAuditEventRepository,
  InMemoryDossierStates,
  InMemoryUserRepository,
} from '../../testing/in-memory';
import { RecordAuditEventUseCase } from '../record-audit-event/record-audit-event.use-case';
import { DeleteAccountUseCase } from './delete-account.use-case';

describe(DeleteAccountUseCase.name, () => {
  const clock = new FixedClock(new Date('2026-03-01T08:00:00Z'));
  let keycloak: FakeKeycloakAdmin;
  let users: InMemoryUserRepository;
  let dossiers: InMemoryDossierStates;
  let useCase: DeleteAccountUseCase;
  const usager = { sub: 'kc-u', email: 'u@demo.fr', roles: ['usager' as const] };

  beforeEach(async () => {
    keycloak = new FakeKeycloakAdmin();
    keycloak.users.set('kc-u', {
      id: 'kc-u',
      email: 'u@demo.fr',
      attributes: {},
      roles: new Set(['usager']),
      requiredActions: [],
    });
    users = new InMemoryUserRepository();
    await users.recordSighting({ ...usager, roles: ['usager'], at: clock.now() });
    dossiers = new InMemoryDossierStates();
    const audit = new RecordAuditEventUseCase(new InMemoryAuditEventRepository(), clock);
    useCase = new DeleteAccountUseCase(keycloak, users, dossiers, audit, clock);
  });

  it('refuses while one of her dossiers is en instruction', async () => {
    await dossiers.record({ dossierId: 'd-1', version: 3, usagerSub: 'kc-u', state: 'en_instruction' });
    await expect(useCase.execute(usager)).rejects.toMatchObject({
      code: 'ACCOUNT_HAS_DOSSIER_EN_INSTRUCTION',
      details: { dossiersEnInstruction: 1 },
    });
    expect(keycloak.users.has('kc-u')).toBe(true);
  });

  it('deletes the Keycloak account and keeps only the ids once her dossiers are decided', async () => {
    await dossiers.record({ dossierId: 'd-1', version: 4, usagerSub: 'kc-u', state: 'accepte' });
    await dossiers.record({ dossierId: 'd-2', version: 3, usagerSub: 'kc-other', state: 'en_instruction' });
    await useCase.execute(usager);
    expect(keycloak.users.has('kc-u')).toBe(false);
    expect(users.bySub.get('kc-u')).toMatchObject({ sub: 'kc-u', email: 'supprime-kc-u@invalid', roles: [] });
  });

  it('also counts a dossier the events name only by her e-mail (DossierStateChanged)', async () => {
    await dossiers.record({
      dossierId: 'd-3',
      version: 5,
      usagerEmail: 'u@demo.fr',
      state: 'en_instruction',
    });
    await expect(useCase.execute({ ...usager, email: 'U@Demo.fr' })).rejects.toMatchObject({
      code: 'ACCOUNT_HAS_DOSSIER_EN_INSTRUCTION',
    });
  });

  it('refuses an agent', async () => {
    await expect(useCase.execute({ ...usager, roles: ['instructeur'] })).rejects.toMatchObject({
      code: 'AGENT_DELETION_FORBIDDEN',
    });
  });
});
