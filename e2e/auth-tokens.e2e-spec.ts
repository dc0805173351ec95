// The gateway refuses every bearer token it should not trust: forged (payload edited, signed with another key,
// alg none), expired, meant for another audience, or issued by another issuer. Each case starts from a genuine
// Keycloak token or key so that only the property under test is wrong.
import { createSign, generateKeyPairSync, randomBytes } from 'node:crypto';
import { api, demoUsers, signIn, DEMO_PASSWORD } from './support/platform';
import { jwtClaims, KEYCLOAK_URL, REALM_URL } from './support/oidc';

const ADMIN_USER = process.env.E2E_KEYCLOAK_ADMIN_USER ?? 'admin';
const ADMIN_PASSWORD = process.env.E2E_KEYCLOAK_ADMIN_PASSWORD ?? 'admin';
const run = randomBytes(3).toString('hex');

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const header = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as Record<string, unknown>;

function signRs256(
  head: Record<string, unknown>,
  payload: Record<string, unknown>,
  privateKey: string,
): string {
  const input = `${b64(head)}.${b64(payload)}`;
  const signature = createSign('RSA-SHA256').update(input).sign(privateKey).toString('base64url');
  return `${input}.${signature}`;
}

/** The realm administration as an operator (master realm), to add and remove throw-away test clients. */
async function masterToken(): Promise<string> {
  const response = await fetch(`${KEYCLOAK_URL}/realms/master/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'admin-cli',
      username: ADMIN_USER,
      password: ADMIN_PASSWORD,
    }),
  });
  if (!response.ok) throw new Error(`master admin: ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

async function admin(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${KEYCLOAK_URL}/admin/realms/demarches${path}`, {
    method,
    headers: {
      authorization: `Bearer ${await masterToken()}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
}

async function passwordToken(
  clientId: string,
  realmUrl = REALM_URL,
  username: string = demoUsers.usager,
  password = DEMO_PASSWORD,
) {
  const response = await fetch(`${realmUrl}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: clientId,
      username,
      password,
      scope: 'openid email',
    }),
  });
  if (!response.ok) throw new Error(`${clientId}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

const me = (token: string) => api('GET', '/api/me', { token });

describe('gateway refusal of untrustworthy tokens', () => {
  const shortLived = `e2e-short-lived-${run}`;
  const otherAudience = `e2e-other-audience-${run}`;
  let genuine: string;

  beforeAll(async () => {
    genuine = await signIn(demoUsers.usager);
    const client = (clientId: string, attributes: Record<string, string>, withAudience: boolean) => ({
      clientId,
      publicClient: true,
      directAccessGrantsEnabled: true,
      standardFlowEnabled: false,
      attributes,
      protocolMappers: [
        {
          name: 'email',
          protocol: 'openid-connect',
          protocolMapper: 'oidc-usermodel-attribute-mapper',
          config: {
            'user.attribute': 'email',
            'claim.name': 'email',
            'jsonType.label': 'String',
            'access.token.claim': 'true',
          },
        },
        ...(withAudience
          ? [
              {
                name: 'audience demarches-gateway',
                protocol: 'openid-connect',
                protocolMapper: 'oidc-audience-mapper',
                config: { 'included.client.audience': 'demarches-gateway', 'access.token.claim': 'true' },
              },
            ]
          : []),
      ],
    });
    expect(
      (await admin('POST', '/clients', client(shortLived, { 'access.token.lifespan': '2' }, true))).status,
    ).toBe(201);
    expect((await admin('POST', '/clients', client(otherAudience, {}, false))).status).toBe(201);
  });

  afterAll(async () => {
    for (const clientId of [shortLived, otherAudience]) {
      const found = (await (await admin('GET', `/clients?clientId=${clientId}`)).json()) as Array<{
        id: string;
      }>;
      for (const c of found) await admin('DELETE', `/clients/${c.id}`);
    }
  });

  it('accepts the genuine token (baseline)', async () => {
    expect((await me(genuine)).status).toBe(200);
  });

  it('refuses a token whose payload was edited (roles added) under its original signature', async () => {
    const [head, payload, signature] = genuine.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    const forged = `${head}.${b64({ ...claims, realm_access: { roles: ['usager', 'administrateur', 'platform-admin'] } })}.${signature}`;
    const response = await me(forged);
    expect(response.status).toBe(401);
    expect(await api('GET', '/api/admin/audit', { token: forged })).toMatchObject({ status: 401 });
  });

  it('refuses a token signed with another key under the realm key id, and an unsigned one', async () => {
    const { privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const claims = jwtClaims(genuine);
    const otherKey = signRs256(header(genuine), claims, privateKey);
    expect((await me(otherKey)).status).toBe(401);
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
    expect((await me(none)).status).toBe(401);
  });

  it('refuses an expired token (realm-signed, right audience) once its lifetime and the clock tolerance are over', async () => {
    const token = await passwordToken(shortLived);
    const claims = jwtClaims(token) as { exp: number; aud: string[] | string };
    expect([claims.aud].flat()).toContain('demarches-gateway');
    expect((await me(token)).status).toBe(200);
    // Past exp plus the gateway's 5 s clock tolerance: wait for the wall clock, no timing is asserted.
    const waitMs = claims.exp * 1000 + 6_500 - Date.now();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, waitMs)));
    const response = await me(token);
    expect(response.status).toBe(401);
    expect(JSON.stringify(response.body)).toMatch(/expir/i);
  });

  it('refuses a realm-signed token meant for another audience', async () => {
    const token = await passwordToken(otherAudience);
    expect([jwtClaims(token)['aud']].flat()).not.toContain('demarches-gateway');
    expect(jwtClaims(token)['iss']).toBe(REALM_URL);
    expect((await me(token)).status).toBe(401);
  });

  it('refuses a token from another issuer (the same Keycloak, master realm), and a look-alike signed elsewhere', async () => {
    const master = await passwordToken(
      'admin-cli',
      `${KEYCLOAK_URL}/realms/master`,
      ADMIN_USER,
      ADMIN_PASSWORD,
    );
    expect(jwtClaims(master)['iss']).toBe(`${KEYCLOAK_URL}/realms/master`);
    expect((await me(master)).status).toBe(401);

    const { privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const lookAlike = signRs256(
      header(genuine),
      { ...jwtClaims(genuine), iss: 'https://auth.example.org/realms/demarches' },
      privateKey,
    );
    expect((await me(lookAlike)).status).toBe(401);
  });
});
