import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import {
  signInternalIdentity,
  verifyInternalIdentity,
  type InternalIdentity,
} from '@demarches/platform-auth';
import {
  localInfrastructure,
  startServiceProcess,
  testNamespace,
  type ServiceProcess,
} from '@demarches/testing';
import { UpstreamStub } from './test/upstream-stub';

// The gateway and identity as real processes, on real FerretDB and Redis: API tokens end to end, account rate
// limits with a short window, security headers.
const SECRET = `test-${randomBytes(24).toString('hex')}`;
const NAMESPACE = testNamespace(__filename);
const admin: InternalIdentity = { sub: 'kc-admin-gw', email: 'admin-gw@demo.fr', roles: ['administrateur'] };

describe('gateway with API tokens, rate limits and security headers (real identity, Redis, FerretDB)', () => {
  const upstream = new UpstreamStub();
  let identity: ServiceProcess;
  let gateway: ServiceProcess;
  let db: mongoose.Connection;

  const createToken = async (body: Record<string, unknown>) => {
    const response = await fetch(`${identity.url}/me/api-tokens`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-demarches-identity': signInternalIdentity(admin, SECRET),
      },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as { token: string; apiToken: { id: string } };
  };
  const viaGateway = (path: string, init: RequestInit = {}) => fetch(`${gateway.url}${path}`, init);

  beforeAll(async () => {
    const upstreamUrl = await upstream.start();
    identity = await startServiceProcess('identity', {
      MONGO_URL: localInfrastructure.mongoUrl,
      MONGO_DATABASE: `${NAMESPACE}identity`,
      INTERNAL_TOKEN_SECRET: SECRET,
      // Its own queues and topics, never the running platform's.
      REDIS_URL: localInfrastructure.redisUrl,
      QUEUE_PREFIX: NAMESPACE,
      KAFKA_BROKERS: localInfrastructure.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: NAMESPACE,
    });
    gateway = await startServiceProcess('gateway', {
      SERVICE_NAME: 'gateway',
      REDIS_URL: localInfrastructure.redisUrl,
      QUEUE_PREFIX: NAMESPACE,
      INTERNAL_TOKEN_SECRET: SECRET,
      OIDC_ISSUER: `${localInfrastructure.keycloakUrl}/realms/demarches`,
      IDENTITY_URL: identity.url,
      FORM_BUILDER_URL: upstreamUrl,
      GEO_URL: upstreamUrl,
      RATE_LIMIT_ACCOUNT: '3',
      RATE_LIMIT_ACCOUNT_WINDOW_S: '2',
      RATE_LIMIT_API_TOKEN: '4',
      RATE_LIMIT_API_TOKEN_WINDOW_S: '2',
      API_TOKEN_CACHE_TTL_S: '0',
    });
    db = await mongoose
      .createConnection(localInfrastructure.mongoUrl, { dbName: `${NAMESPACE}identity` })
      .asPromise();
    await fetch(`${identity.url}/me`, {
      headers: { 'x-demarches-identity': signInternalIdentity(admin, SECRET) },
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await identity?.stop();
    await upstream.stop();
    await db?.dropDatabase().catch(() => undefined);
    await db?.close();
  });

  it('accepts an API token in both header forms and forwards its scope and access', async () => {
    const { token, apiToken } = await createToken({ name: 'gw', scope: ['d-1'], access: 'read' });
    for (const authorization of [`Bearer ${token}`, `Bearer token=${token}`]) {
      const response = await viaGateway('/api/demarches/d-1', { headers: { authorization } });
      expect(response.status).toBe(200);
      const forwarded = verifyInternalIdentity(
        String(upstream.last()?.headers['x-demarches-identity']),
        SECRET,
      );
      expect(forwarded).toEqual({
        sub: admin.sub,
        email: admin.email,
        roles: ['administrateur'],
        via: 'api_token',
        token: { id: apiToken.id, scope: ['d-1'], access: 'read' },
      });
    }
  });

  it('refuses a revoked token (no cache here) and a made-up one with 401', async () => {
    const { token, apiToken } = await createToken({ name: 'gw-revoke' });
    expect(
      (await viaGateway('/api/demarches', { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(200);
    await fetch(`${identity.url}/me/api-tokens/${apiToken.id}`, {
      method: 'DELETE',
      headers: { 'x-demarches-identity': signInternalIdentity(admin, SECRET) },
    });
    for (const bad of [token, `dmt_${'0'.repeat(32)}_${'A'.repeat(43)}`]) {
      const refused = await viaGateway('/api/demarches', { headers: { authorization: `Bearer ${bad}` } });
      expect(refused.status).toBe(401);
      expect(await refused.json()).toMatchObject({
        error: { code: 'UNAUTHENTICATED', details: { reason: 'invalid' } },
      });
    }
  });

  it('refuses an expired token and a token used from outside its IP allow-list', async () => {
    const { token, apiToken } = await createToken({ name: 'gw-expired' });
    await db
      .collection('api_tokens')
      .updateOne({ _id: apiToken.id as never }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await viaGateway('/api/demarches', { headers: { authorization: `Bearer ${token}` } });
    expect(expired.status).toBe(401);

    const pinned = await createToken({ name: 'gw-ip', lifetimeDays: null, allowedIps: ['198.51.100.0/24'] });
    const elsewhere = await viaGateway('/api/demarches', {
      headers: { authorization: `Bearer ${pinned.token}` },
    });
    expect(elsewhere.status).toBe(401);
    expect(await elsewhere.json()).toMatchObject({ error: { details: { reason: 'ip_not_allowed' } } });
    const local = await createToken({
      name: 'gw-ip-local',
      lifetimeDays: null,
      allowedIps: ['127.0.0.1', '::1'],
    });
    expect(
      (await viaGateway('/api/demarches', { headers: { authorization: `Bearer ${local.token}` } })).status,
    ).toBe(200);
  });

  it('limits a token per window with 429 and Retry-After, then lets it through again', async () => {
    const { token } = await createToken({ name: 'gw-rate' });
    const headers = { authorization: `Bearer ${token}` };
    let limited: Response | undefined;
    for (let i = 0; i < 12 && !limited; i++) {
      const response = await viaGateway('/api/demarches', { headers });
      if (response.status === 429) limited = response;
      else await response.body?.cancel();
    }
    expect(limited?.status).toBe(429);
    const retryAfter = Number(limited?.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(await limited?.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000 + 100));
    expect((await viaGateway('/api/demarches', { headers })).status).toBe(200);
  });

  it('limits account routes per IP, whoever calls, and recovers after the window', async () => {
    let limited: Response | undefined;
    for (let i = 0; i < 10 && !limited; i++) {
      const response = await viaGateway('/api/me');
      if (response.status === 429) limited = response;
      else expect(response.status).toBe(401);
    }
    expect(limited?.status).toBe(429);
    const retryAfter = Number(limited?.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000 + 100));
    expect((await viaGateway('/api/me')).status).toBe(401);
  });

  it('sets the security headers on proxied answers, gateway errors and probes', async () => {
    const { token } = await createToken({ name: 'gw-headers' });
    const answers = [
      await viaGateway('/api/demarches', { headers: { authorization: `Bearer ${token}` } }),
      await viaGateway('/api/geo/communes?q=lyon'),
      await viaGateway('/api/nope'),
      await viaGateway('/api/dossiers'),
      await viaGateway('/health/live'),
    ];
    for (const response of answers) {
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d+; includeSubDomains$/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('permissions-policy')).toContain('camera=()');
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
  });
});
