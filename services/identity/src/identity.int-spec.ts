import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { signInternalIdentity, type InternalIdentity } from '@demarches/platform-auth';
import {
  localInfrastructure,
  serviceTestEnv,
  startServiceProcess,
  testNamespace,
  type ServiceProcess,
} from '@demarches/testing';

const SECRET = `test-${randomBytes(24).toString('hex')}`;
const DATABASE = `${testNamespace(__filename)}identity`;

describe('identity (real FerretDB, identity process)', () => {
  let url: string;
  let service: ServiceProcess;
  let db: mongoose.Connection;

  const me = (identity?: InternalIdentity) =>
    fetch(`${url}/me`, {
      headers: identity ? { 'x-demarches-identity': signInternalIdentity(identity, SECRET) } : {},
    });

  beforeAll(async () => {
    // serviceTestEnv: Kafka topics and consumer group under this file's prefix, never the platform's.
    service = await startServiceProcess(
      'identity',
      serviceTestEnv(testNamespace(__filename), 'identity', {
        MONGO_DATABASE: DATABASE,
        INTERNAL_TOKEN_SECRET: SECRET,
      }),
    );
    url = service.url;
    db = await mongoose.createConnection(localInfrastructure.mongoUrl, { dbName: DATABASE }).asPromise();
  });

  afterAll(async () => {
    const code = await service?.stop();
    await db?.dropDatabase().catch(() => undefined);
    await db?.close();
    expect(code).toBe(0);
  });

  it('creates the user on the first /me and returns id, e-mail and roles', async () => {
    const response = await me({ sub: 'kc-first', email: 'Usager@Demo.Demarches.fr', roles: ['usager'] });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { id: string; email: string; roles: string[] };
    expect(body).toEqual({
      id: expect.any(String),
      email: 'usager@demo.demarches.fr',
      roles: ['usager'],
      instructeur: [],
      invitations: [],
      expertises: [],
    });
    const stored = await db.collection('users').findOne({ sub: 'kc-first' });
    expect(stored).toMatchObject({ _id: body.id, email: 'usager@demo.demarches.fr', version: 1 });
  });

  it('keeps the id and first visit, refreshes roles and last visit on later calls', async () => {
    const first = (await (
      await me({ sub: 'kc-again', email: 'agent@demo.fr', roles: ['usager'] })
    ).json()) as { id: string };
    const before = await db.collection('users').findOne({ sub: 'kc-again' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = (await (
      await me({ sub: 'kc-again', email: 'agent@demo.fr', roles: ['instructeur', 'usager'] })
    ).json()) as { id: string; roles: string[] };
    const after = await db.collection('users').findOne({ sub: 'kc-again' });
    expect(second).toMatchObject({ id: first.id, roles: ['instructeur', 'usager'] });
    expect(after?.firstSeenAt).toEqual(before?.firstSeenAt);
    expect((after?.lastSeenAt as Date).getTime()).toBeGreaterThan((before?.lastSeenAt as Date).getTime());
    expect(after?.version).toBe(2);
  });

  it('creates exactly one user when her first requests arrive together', async () => {
    const identity: InternalIdentity = { sub: 'kc-burst', email: 'burst@demo.fr', roles: ['usager'] };
    const responses = await Promise.all(Array.from({ length: 8 }, () => me(identity)));
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(200));
    const ids = new Set(
      await Promise.all(responses.map(async (r) => ((await r.json()) as { id: string }).id)),
    );
    expect(ids.size).toBe(1);
    expect(await db.collection('users').countDocuments({ sub: 'kc-burst' })).toBe(1);
  });

  it('refuses a call without the gateway-signed identity', async () => {
    const response = await me();
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
  });

  it('is ready when MongoDB answers', async () => {
    const response = await fetch(`${url}/health/ready`);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      checks: { mongo: { status: 'up' }, kafka: { status: 'up' } },
    });
  });
});
