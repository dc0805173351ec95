import { IdentityErrorCode } from '../../identity.exception';
import { FakeKeycloakAdmin, FixedClock, InMemoryUserRepository } from '../../testing/in-memory';
import { ResolveCurrentUserUseCase } from './resolve-current-user.use-case';

const duplicateKey = () => Object.assign(new Error('E11000 duplicate key error'), { code: 11000 });

describe(ResolveCurrentUserUseCase.name, () => {
  const day1 = new Date('2026-03-01T08:00:00Z');
  const day2 = new Date('2026-03-02T09:30:00Z');
  let users: InMemoryUserRepository;
  let clock: FixedClock;
  let useCase: ResolveCurrentUserUseCase;
  let keycloak: FakeKeycloakAdmin;

  beforeEach(() => {
    users = new InMemoryUserRepository();
    clock = new FixedClock(day1);
    keycloak = new FakeKeycloakAdmin();
    useCase = new ResolveCurrentUserUseCase(users, clock, keycloak);
  });

  it('creates the user on her first request', async () => {
    const user = await useCase.execute({ sub: 'kc-1', email: 'usager@demo.demarches.fr', roles: ['usager'] });
    expect(user).toMatchObject({
      sub: 'kc-1',
      email: 'usager@demo.demarches.fr',
      roles: ['usager'],
      firstSeenAt: day1,
      lastSeenAt: day1,
    });
    expect(users.bySub.size).toBe(1);
  });

  it('keeps her id and first visit on later requests and refreshes the last one', async () => {
    const first = await useCase.execute({
      sub: 'kc-1',
      email: 'usager@demo.demarches.fr',
      roles: ['usager'],
    });
    clock.current = day2;
    const second = await useCase.execute({
      sub: 'kc-1',
      email: 'usager@demo.demarches.fr',
      roles: ['usager'],
    });
    expect(second).toMatchObject({ id: first.id, firstSeenAt: day1, lastSeenAt: day2 });
  });

  it('follows e-mail and role changes made in the identity provider', async () => {
    await useCase.execute({ sub: 'kc-1', email: 'agent@demo.fr', roles: ['usager'] });
    const updated = await useCase.execute({
      sub: 'kc-1',
      email: 'Agent.Nouveau@Demo.fr ',
      roles: ['usager', 'instructeur'],
    });
    expect(updated).toMatchObject({ email: 'agent.nouveau@demo.fr', roles: ['instructeur', 'usager'] });
  });

  it('keeps different subjects apart even with the same e-mail', async () => {
    const keycloak = await useCase.execute({ sub: 'kc-1', email: 'camille@example.fr', roles: ['usager'] });
    const franceConnect = await useCase.execute({
      sub: 'fc-9',
      email: 'camille@example.fr',
      roles: ['usager'],
    });
    expect(franceConnect.id).not.toBe(keycloak.id);
  });

  it('retries once when a concurrent first request created the user meanwhile', async () => {
    const record = users.recordSighting.bind(users);
    let calls = 0;
    users.recordSighting = async (sighting) => {
      calls += 1;
      if (calls === 1) {
        await record(sighting);
        throw duplicateKey();
      }
      return record(sighting);
    };
    const user = await useCase.execute({ sub: 'kc-1', email: 'usager@demo.demarches.fr', roles: ['usager'] });
    expect(user.sub).toBe('kc-1');
    expect(users.bySub.size).toBe(1);
  });

  it('answers USER_RECORD_CONFLICT when the retry collides again', async () => {
    users.recordSighting = async () => {
      throw duplicateKey();
    };
    await expect(useCase.execute({ sub: 'kc-1', email: 'a@b.fr', roles: [] })).rejects.toMatchObject({
      code: IdentityErrorCode.UserRecordConflict,
      kind: 'conflict',
    });
  });

  it('keeps the FranceConnect pivot identity from Keycloak on the first FranceConnect request', async () => {
    keycloak.users.set('kc-fc', {
      id: 'kc-fc',
      email: 'angela.dubois@fc.demo.fr',
      attributes: {
        fc_given_name: ['Angela Claire Louise'],
        fc_family_name: ['DUBOIS'],
        gender: ['female'],
        birthdate: ['1962-08-24'],
      },
      roles: new Set(['usager']),
      requiredActions: [],
    });
    const user = await useCase.execute({
      sub: 'kc-fc',
      email: 'angela.dubois@fc.demo.fr',
      roles: ['usager'],
      idp: 'franceconnect',
    });
    expect(user.idp).toBe('franceconnect');
    expect(user.pivotIdentity).toEqual({
      givenName: 'Angela Claire Louise',
      familyName: 'DUBOIS',
      gender: 'female',
      birthdate: '1962-08-24',
    });
    expect(users.bySub.get('kc-fc')?.pivotIdentity?.familyName).toBe('DUBOIS');
  });

  it('does not ask Keycloak for a pivot identity after a password sign-in', async () => {
    keycloak.findUser = async () => {
      throw new Error('must not be called');
    };
    const user = await useCase.execute({ sub: 'kc-1', email: 'a@b.fr', roles: ['usager'] });
    expect(user.pivotIdentity).toBeUndefined();
  });
});
