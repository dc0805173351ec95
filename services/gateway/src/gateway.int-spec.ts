import { createHash, randomBytes } from 'node:crypto';
import { get } from 'node:http';
import { verifyInternalIdentity } from '@demarches/platform-auth';
import {
  freePort,
  keycloakPasswordToken,
  LOCAL_REALM,
  localInfrastructure,
  startServiceProcess,
  testNamespace,
  type ServiceProcess,
} from '@demarches/testing';
import { decodeJwtPart, forge, LocalIssuer, unsigned } from './test/jwt-fixtures';
import { UpstreamStub } from './test/upstream-stub';

const SECRET = `test-${randomBytes(24).toString('hex')}`;
const KEYCLOAK_ISSUER = `${localInfrastructure.keycloakUrl}/realms/${LOCAL_REALM}`;
const USAGER = { username: 'usager@demo.demarches.fr', password: 'Demarches-Demo-2026!' };

function rawGetStatus(url: string): Promise<number | undefined> {
  const { hostname, port } = new URL(url);
  const path = url.slice(url.indexOf('/', 'http://'.length));
  return new Promise((resolve, reject) => {
    get({ hostname, port, path }, (res) => {
      res.resume();
      resolve(res.statusCode);
    }).on('error', reject);
  });
}

interface GatewayUnderTest {
  url: string;
  process: ServiceProcess;
}

async function startGateway(env: Record<string, string>): Promise<GatewayUnderTest> {
  const process_ = await startServiceProcess('gateway', {
    SERVICE_NAME: 'gateway',
    REDIS_URL: localInfrastructure.redisUrl,
    QUEUE_PREFIX: testNamespace(__filename),
    INTERNAL_TOKEN_SECRET: SECRET,
    ...env,
  });
  return { url: process_.url, process: process_ };
}

describe('gateway (real Keycloak, real Redis, gateway process)', () => {
  const upstream = new UpstreamStub();
  let gateway: GatewayUnderTest;
  let token: string;

  beforeAll(async () => {
    const upstreamUrl = await upstream.start();
    const down = `http://127.0.0.1:${await freePort()}`;
    gateway = await startGateway({
      OIDC_ISSUER: KEYCLOAK_ISSUER,
      OIDC_AUDIENCE: 'demarches-gateway',
      IDENTITY_URL: upstreamUrl,
      GEO_URL: upstreamUrl,
      DOSSIER_URL: upstreamUrl,
      MESSAGING_URL: upstreamUrl,
      FORM_BUILDER_URL: down,
    });
    token = await keycloakPasswordToken(USAGER.username, USAGER.password);
  });

  afterAll(async () => {
    await gateway?.process.stop();
    await upstream.stop();
  });

  it('forwards /api/me to identity as /me with a signed identity built from the Keycloak token', async () => {
    const response = await fetch(`${gateway.url}/api/me`, {
      headers: { authorization: `Bearer ${token}`, 'x-correlation-id': 'corr-me-1' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-upstream')).toBe('stub');
    const received = upstream.last();
    expect(received).toMatchObject({ method: 'GET', url: '/me' });
    const identity = verifyInternalIdentity(String(received?.headers['x-demarches-identity']), SECRET);
    // toMatchObject: the identity also carries sign-in details (acr, identity provider) added by other slices.
    expect(identity).toMatchObject({
      sub: decodeJwtPart(token, 1).sub,
      email: USAGER.username,
      roles: ['usager'],
      via: 'oidc',
      ...(identity.name ? { name: identity.name } : {}),
    });
    expect(received?.headers.authorization).toBeUndefined();
    expect(received?.headers['x-correlation-id']).toBe('corr-me-1');
    expect(received?.headers['x-request-id']).toEqual(expect.any(String));
  });

  it('lets anonymous GETs reach public routes, and strips any identity the caller sends', async () => {
    const response = await fetch(`${gateway.url}/api/geo/communes?q=lyon`, {
      headers: { 'x-demarches-identity': 'forged' },
    });
    expect(response.status).toBe(200);
    expect(upstream.last()).toMatchObject({ method: 'GET', url: '/geo/communes?q=lyon' });
    expect(upstream.last()?.headers['x-demarches-identity']).toBeUndefined();

    expect((await fetch(`${gateway.url}/api/commencer/aide-velo`)).status).toBe(200);
    expect(upstream.last()?.url).toBe('/commencer/aide-velo');
  });

  it('refuses anonymous calls to protected routes with UNAUTHENTICATED, before reaching the service', async () => {
    const before = upstream.received.length;
    const response = await fetch(`${gateway.url}/api/dossiers/d-1`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('Bearer');
    expect(await response.json()).toEqual({
      error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('Authorization: Bearer') },
    });
    expect(upstream.received.length).toBe(before);
  });

  it('refuses a forged token (right claims and kid, wrong key) and an unsigned one', async () => {
    const claims = decodeJwtPart(token, 1);
    const kid = String(decodeJwtPart(token, 0).kid);
    for (const bad of [forge(claims, kid), unsigned(claims), `${token.slice(0, -4)}AAAA`]) {
      const response = await fetch(`${gateway.url}/api/me`, { headers: { authorization: `Bearer ${bad}` } });
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses an invalid token even on a public route', async () => {
    const response = await fetch(`${gateway.url}/api/geo/communes?q=lyon`, {
      headers: { authorization: 'Bearer a.b.c' },
    });
    expect(response.status).toBe(401);
  });

  it('streams request bodies to the service unchanged', async () => {
    const payload = randomBytes(3 * 1024 * 1024);
    const response = await fetch(`${gateway.url}/api/dossiers/d-1/pieces`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: payload,
    });
    expect(response.status).toBe(200);
    expect(upstream.last()).toMatchObject({
      method: 'POST',
      url: '/dossiers/d-1/pieces',
      bodyLength: payload.length,
      bodySha256: createHash('sha256').update(payload).digest('hex'),
    });
  });

  it('forwards JSON bodies', async () => {
    const response = await fetch(`${gateway.url}/api/dossiers/d-1/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'Bonjour é' }),
    });
    expect(response.status).toBe(200);
    expect(upstream.last()).toMatchObject({ url: '/dossiers/d-1/messages' });
    expect(JSON.parse(upstream.last()?.body ?? '')).toEqual({ body: 'Bonjour é' });
  });

  it('answers 502 UPSTREAM_UNAVAILABLE when the service is down', async () => {
    const response = await fetch(`${gateway.url}/api/demarches`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({
      error: { code: 'UPSTREAM_UNAVAILABLE', details: { service: 'form-builder' } },
    });
  });

  it('refuses unknown routes and dot segments', async () => {
    expect(
      ((await (await fetch(`${gateway.url}/api/nope`)).json()) as { error: { code: string } }).error.code,
    ).toBe('ROUTE_NOT_FOUND');
    // fetch() would normalise these paths away; a raw request sends them as an attacker would.
    for (const path of ['/api/geo/%2e%2e/dossiers/x', '/api/geo/../dossiers/x', '/api/geo/a%2Fb']) {
      expect(await rawGetStatus(`${gateway.url}${path}`)).toBe(400);
    }
  });

  it('is ready when Redis and the Keycloak keys are reachable', async () => {
    const response = await fetch(`${gateway.url}/health/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      checks: { redis: { status: 'up' }, keycloak: { status: 'up' } },
    });
  });
});

describe('gateway token checks and rate limit (local issuer)', () => {
  const upstream = new UpstreamStub();
  const issuer = new LocalIssuer();
  let gateway: GatewayUnderTest;
  const now = () => Math.floor(Date.now() / 1000);
  const claims = (overrides: Record<string, unknown> = {}) => ({
    iss: issuer.url,
    aud: 'demarches-gateway',
    sub: 'local-1',
    email: 'instructeur@demo.fr',
    realm_access: { roles: ['instructeur', 'offline_access'] },
    iat: now(),
    exp: now() + 300,
    ...overrides,
  });
  const call = (token?: string) =>
    fetch(`${gateway.url}/api/instructeur/dossiers`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });

  beforeAll(async () => {
    await issuer.start();
    const upstreamUrl = await upstream.start();
    gateway = await startGateway({
      OIDC_ISSUER: issuer.url,
      OIDC_JWKS_URL: `${issuer.url}/jwks`,
      OIDC_CLOCK_TOLERANCE_S: '5',
      INSTRUCTION_URL: upstreamUrl,
      GEO_URL: upstreamUrl,
      RATE_LIMIT_ANONYMOUS: '3',
      // A long window so the five calls below cannot straddle two windows.
      RATE_LIMIT_WINDOW_S: '3600',
      RATE_LIMIT_AUTHENTICATED: '1000',
    });
  });

  afterAll(async () => {
    const code = await gateway?.process.stop();
    await upstream.stop();
    await issuer.stop();
    expect(code).toBe(0);
  });

  it('accepts a valid token and forwards its roles', async () => {
    expect((await call(issuer.sign(claims()))).status).toBe(200);
    expect(
      verifyInternalIdentity(String(upstream.last()?.headers['x-demarches-identity']), SECRET).roles,
    ).toEqual(['instructeur']);
  });

  it.each([
    ['expired', { exp: now() - 60, iat: now() - 400 }],
    ['for another audience', { aud: 'another-client' }],
    ['from another issuer', { iss: 'http://evil.example/realms/demarches' }],
    ['not yet valid', { nbf: now() + 600 }],
    ['without subject', { sub: undefined }],
  ])('refuses a token %s', async (_case, overrides) => {
    const response = await call(issuer.sign(claims(overrides)));
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
  });

  it('tolerates a few seconds of clock skew', async () => {
    expect((await call(issuer.sign(claims({ exp: now() - 2 })))).status).toBe(200);
  });

  it('limits anonymous callers per window with 429 RATE_LIMITED and Retry-After', async () => {
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 5; i++) {
      const response = await fetch(`${gateway.url}/api/geo/communes?q=lyon`);
      statuses.push(response.status);
      if (response.status === 429) limited = response;
    }
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited?.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    // A signed-in user has her own budget.
    expect((await call(issuer.sign(claims()))).status).toBe(200);
  });
});
