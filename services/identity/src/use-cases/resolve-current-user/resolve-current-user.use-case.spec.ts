import { Sighting, User } from '../../domain/user';
import { IdentityErrorCode } from '../../identity.exception';
import { UserRepository } from '../../persistence/user.repository';
import { Clock } from '../clock';
import { ResolveCurrentUserUseCase } from './resolve-current-user.use-case';

/** Same upsert semantics as the Mongo repository, in memory. */
class InMemoryUserRepository extends UserRepository {
  readonly bySub = new Map<string, User>();
  private nextId = 1;

  async recordSighting({ sub, email, roles, at }: Sighting): Promise<User> {
    const existing = this.bySub.get(sub);
    const user: User = existing
      ? { ...existing, email, roles, lastSeenAt: at, version: existing.version + 1 }
      : { id: `user-${this.nextId++}`, sub, email, roles, firstSeenAt: at, lastSeenAt: at, version: 1 };
    this.bySub.set(sub, user);
    return user;
  }

  async findBySub(sub: string): Promise<User | null> {
    return this.bySub.get(sub) ?? null;
  }
}

class FixedClock extends Clock {
  constructor(public current: Date) {
    super();
  }

  override now(): Date {
    return this.current;
  }
}

const duplicateKey = () => Object.assign(new Error('E11000 duplicate key error'), { code: 11000 });

describe(ResolveCurrentUserUseCase.name, () => {
  const day1 = new Date('2026-03-01T08:00:00Z');
  const day2 = new Date('2026-03-02T09:30:00Z');
  let users: InMemoryUserRepository;
  let clock: FixedClock;
  let useCase: ResolveCurrentUserUseCase;

  beforeEach(() => {
    users = new InMemoryUserRepository();
    clock = new FixedClock(day1);
    useCase = new ResolveCurrentUserUseCase(users, clock);
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
});
