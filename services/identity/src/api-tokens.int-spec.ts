import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { signInternalIdentity, type InternalIdentity } from '@demarches/platform-auth';
import {
  localInfrastructure,
  startServiceProcess,
  testNamespace,
  type ServiceProcess,
} from '@demarches/testing';

const SECRET = `test-${randomBytes(24).toString('hex')}`;
const DATABASE = `${testNamespace(__filename)}identity`;
const admin: InternalIdentity = { sub: 'kc-admin-1', email: 'Admin@Demo.fr', roles: ['administrateur'] };
const otherAdmin: InternalIdentity = { sub: 'kc-admin-2', email: 'autre@demo.fr', roles: ['administrateur'] };
const usager: InternalIdentity = { sub: 'kc-usager', email: 'usager@demo.fr', roles: ['usager'] };
const gateway: InternalIdentity = {
  sub: 'service:gateway',
  email: 'gateway@services.demarches.internal',
  roles: ['service'],
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

describe('API tokens in identity (real FerretDB, identity process)', () => {
  let service: ServiceProcess;
  let db: mongoose.Connection;

  const call = async (identity: InternalIdentity | null, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: {
        ...(identity ? { 'x-demarches-identity': signInternalIdentity(identity, SECRET) } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        'x-forwarded-for': '203.0.113.7',
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Json };
  };
  const verify = (token: string, ip = '203.0.113.7') =>
    call(gateway, 'POST', '/internal/api-tokens/verify', { token, ip });

  beforeAll(async () => {
    service = await startServiceProcess('identity', {
      MONGO_URL: localInfrastructure.mongoUrl,
      MONGO_DATABASE: DATABASE,
      INTERNAL_TOKEN_SECRET: SECRET,
      API_TOKEN_HASH_KEY: `hash-key-${randomBytes(16).toString('hex')}`,
      // Its own queues and topics, never the running platform's.
      REDIS_URL: localInfrastructure.redisUrl,
      QUEUE_PREFIX: testNamespace(__filename),
      KAFKA_BROKERS: localInfrastructure.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: testNamespace(__filename),
    });
    db = await mongoose.createConnection(localInfrastructure.mongoUrl, { dbName: DATABASE }).asPromise();
    // The owners are known users (identity records them on /me).
    for (const who of [admin, otherAdmin]) expect((await call(who, 'GET', '/me')).status).toBe(200);
  });

  afterAll(async () => {
    const code = await service?.stop();
    await db?.dropDatabase().catch(() => undefined);
    await db?.close();
    expect(code).toBe(0);
  });

  it('creates a token with a week of validity by default, shows the secret once and stores only a hash', async () => {
    const created = await call(admin, 'POST', '/me/api-tokens', { name: 'SI de la région' });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^dmt_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    expect(created.body.apiToken).toMatchObject({
      name: 'SI de la région',
      scope: 'all',
      access: 'read',
      allowedIps: [],
      state: 'active',
      lastUsedAt: null,
    });
    const lifetime =
      Date.parse(created.body.apiToken.expiresAt) - Date.parse(created.body.apiToken.createdAt);
    expect(lifetime).toBe(7 * 86_400_000);

    const stored = await db.collection('api_tokens').findOne({ _id: created.body.apiToken.id });
    const secret = String(created.body.token).slice(37);
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(stored?.secretHash).toEqual(expect.any(String));

    const listed = await call(admin, 'GET', '/me/api-tokens');
    expect(listed.body.apiTokens).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    expect(JSON.stringify(listed.body)).not.toContain('secretHash');
  });

  it('verifies a token for the gateway, records its use once a minute at most, and audits it', async () => {
    const created = await call(admin, 'POST', '/me/api-tokens', {
      name: 'Lecture démarche 12',
      scope: ['d-12', 'd-13'],
      access: 'read_write',
      lifetimeDays: 365,
    });
    const { token } = created.body;
    const verified = await verify(token);
    expect(verified).toEqual({
      status: 200,
      body: {
        id: created.body.apiToken.id,
        owner: { sub: admin.sub, email: 'admin@demo.fr' },
        scope: ['d-12', 'd-13'],
        access: 'read_write',
        expiresAt: created.body.apiToken.expiresAt,
        allowedIps: [],
      },
    });
    expect((await verify(token)).status).toBe(200);
    const listed = await call(admin, 'GET', '/me/api-tokens');
    const mine = listed.body.apiTokens.find((t: Json) => t.id === created.body.apiToken.id);
    expect(mine).toMatchObject({ lastUsedIp: '203.0.113.7', lastUsedAt: expect.any(String) });
    const audit = await db.collection('audit_events').find({ subject: created.body.apiToken.id }).toArray();
    expect(audit.map((event) => event.type).sort()).toEqual(['token.created', 'token.used']);
  });

  it('refuses a wrong secret, a made-up token and garbage the same way', async () => {
    const { body } = await call(admin, 'POST', '/me/api-tokens', { name: 'x' });
    const wrongSecret = `${String(body.token).slice(0, 37)}${'A'.repeat(43)}`;
    const madeUp = `dmt_${'0'.repeat(32)}_${'A'.repeat(43)}`;
    for (const bad of [wrongSecret, madeUp, 'not-a-token']) {
      const refused = await verify(bad);
      expect(refused.status).toBe(401);
      expect(refused.body.error.code).toBe('API_TOKEN_INVALID');
    }
  });

  it('revokes a token: it stops verifying; another administrateur cannot see or revoke it', async () => {
    const { body } = await call(admin, 'POST', '/me/api-tokens', { name: 'à révoquer' });
    const id = body.apiToken.id;
    expect((await call(otherAdmin, 'DELETE', `/me/api-tokens/${id}`)).status).toBe(404);
    expect((await call(otherAdmin, 'GET', '/me/api-tokens')).body.apiTokens).toEqual([]);
    expect((await verify(body.token)).status).toBe(200);
    expect((await call(admin, 'DELETE', `/me/api-tokens/${id}`)).status).toBe(204);
    expect((await call(admin, 'DELETE', `/me/api-tokens/${id}`)).status).toBe(204);
    expect((await verify(body.token)).status).toBe(401);
    const listed = await call(admin, 'GET', '/me/api-tokens');
    expect(listed.body.apiTokens.find((t: Json) => t.id === id)).toMatchObject({ state: 'revoked' });
    expect(await db.collection('audit_events').countDocuments({ subject: id, type: 'token.revoked' })).toBe(
      1,
    );
  });

  it('allows no expiry only with an IP allow-list, and caps the lifetime at a year', async () => {
    const noExpiry = await call(admin, 'POST', '/me/api-tokens', { name: 'x', lifetimeDays: null });
    expect(noExpiry).toMatchObject({ status: 400, body: { error: { code: 'API_TOKEN_EXPIRY_REQUIRED' } } });
    const tooLong = await call(admin, 'POST', '/me/api-tokens', { name: 'x', lifetimeDays: 400 });
    expect(tooLong).toMatchObject({ status: 400, body: { error: { code: 'API_TOKEN_LIFETIME_TOO_LONG' } } });
    const badIp = await call(admin, 'POST', '/me/api-tokens', { name: 'x', allowedIps: ['10.0.0.0/99'] });
    expect(badIp).toMatchObject({ status: 400, body: { error: { code: 'API_TOKEN_INVALID_IP' } } });
    const pinned = await call(admin, 'POST', '/me/api-tokens', {
      name: 'serveur de la DDT',
      lifetimeDays: null,
      allowedIps: ['203.0.113.0/24', '2001:db8::1'],
    });
    expect(pinned.status).toBe(201);
    expect(pinned.body.apiToken).toMatchObject({
      expiresAt: null,
      allowedIps: ['203.0.113.0/24', '2001:db8::1/128'],
    });
    expect((await verify(pinned.body.token)).body.allowedIps).toEqual(['203.0.113.0/24', '2001:db8::1/128']);
  });

  it('keeps token management to administrateurs signed in, and verification to the gateway', async () => {
    expect((await call(usager, 'POST', '/me/api-tokens', { name: 'x' })).status).toBe(403);
    expect((await call(null, 'GET', '/me/api-tokens')).status).toBe(401);
    const asToken: InternalIdentity = {
      ...admin,
      via: 'api_token',
      token: { id: 't', scope: 'all', access: 'read_write' },
    };
    const minting = await call(asToken, 'POST', '/me/api-tokens', { name: 'x' });
    expect(minting).toMatchObject({ status: 403, body: { error: { code: 'API_TOKEN_NOT_ACCEPTED' } } });
    const { body } = await call(admin, 'POST', '/me/api-tokens', { name: 'x' });
    const asAdmin = await call(admin, 'POST', '/internal/api-tokens/verify', {
      token: body.token,
      ip: '1.2.3.4',
    });
    expect(asAdmin.status).toBe(403);
  });
});
