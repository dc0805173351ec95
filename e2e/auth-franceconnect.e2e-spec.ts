// An usager signs in through FranceConnect brokered by Keycloak (the stand-in plays FranceConnect), with the
// web front-end's authorization code + PKCE, and the gateway then serves her pivot identity. An agent's e-mail
// signing in through FranceConnect never gets agent access.
import { api } from './support/platform';
import { Browser, textOf } from './support/browser';
import { KeycloakAdmin } from './support/keycloak-admin';
import { AuthorizationCodeFlow, jwtClaims, REALM_URL } from './support/oidc';

const FC_URL = process.env.E2E_FRANCECONNECT_URL ?? 'http://127.0.0.1:8280';
const keycloak = new KeycloakAdmin();

// Stand-in identities (deploy/franceconnect-standin/server.mjs); each file of these tests uses its own.
const fatou = { key: 'fatou', sub: 'fc-fatou', email: 'fatou.diallo@fc.demo.fr' };
const jean = { key: 'jean', sub: 'fc-jean', email: 'jean.martin@fc.demo.fr' };
const AGENT_PASSWORD = 'Agent-FranceConnect-2026!';

/** Keycloak's authorization endpoint with kc_idp_hint: straight to the stand-in's identity picker. */
async function franceConnect(
  identity: { key: string },
  flow = new AuthorizationCodeFlow(new Browser(), { kc_idp_hint: 'franceconnect' }),
) {
  const picker = await flow.start();
  expect(picker.url.startsWith(`${FC_URL}/interaction/`)).toBe(true);
  const back = await flow.submit(picker, { username: identity.key }, /\/login$/);
  return { flow, page: back };
}

describe('FranceConnect sign-in through Keycloak and the gateway', () => {
  beforeAll(async () => {
    // A fresh identity each run: her first broker login creates the account.
    await keycloak.deleteByEmail(fatou.email);
    await keycloak.deleteByEmail(jean.email);
  });

  afterAll(async () => {
    await keycloak.deleteByEmail(jean.email);
  });

  it('a first FranceConnect sign-in creates her account, and her pivot identity is served through the gateway', async () => {
    const { flow, page } = await franceConnect(fatou);
    const tokens = await flow.exchange(page);

    const account = await keycloak.userByEmail(fatou.email);
    expect(account).toMatchObject({
      email: fatou.email,
      emailVerified: true,
      firstName: 'Fatou',
      lastName: 'DIALLO',
    });
    expect(await keycloak.federatedIdentities(account!.id)).toEqual([
      expect.objectContaining({ identityProvider: 'franceconnect', userId: fatou.sub }),
    ]);

    const claims = jwtClaims(tokens.access_token);
    expect(claims).toMatchObject({
      sub: account!.id,
      email: fatou.email,
      identity_provider: 'franceconnect',
      azp: 'demarches-web',
    });
    expect(jwtClaims(tokens.id_token!)['nonce']).toBe(flow.nonce);

    const me = await api('GET', '/api/me', { token: tokens.access_token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      email: fatou.email,
      roles: ['usager'],
      identityProvider: 'franceconnect',
    });

    const identite = await api('GET', '/api/me/identite', { token: tokens.access_token });
    expect(identite.status).toBe(200);
    expect(identite.body).toEqual({
      franceConnect: true,
      identite: {
        civilite: 'Mme',
        prenoms: 'Fatou',
        nom: 'DIALLO',
        nomUsage: expect.anything(),
        dateNaissance: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      },
    });
  });

  it('a second FranceConnect sign-in reuses the account: no new one, same subject', async () => {
    const before = await keycloak.userByEmail(fatou.email);
    const { flow, page } = await franceConnect(fatou);
    const tokens = await flow.exchange(page);
    expect(jwtClaims(tokens.access_token)['sub']).toBe(before!.id);
  });

  it('a password sign-in has no pivot identity to offer', async () => {
    const flow = new AuthorizationCodeFlow();
    const login = await flow.start();
    const done = await flow.submit(login, {
      username: 'usager@demo.demarches.fr',
      password: 'Demarches-Demo-2026!',
    });
    const tokens = await flow.exchange(done);
    const identite = await api('GET', '/api/me/identite', { token: tokens.access_token });
    expect(identite).toEqual({ status: 200, body: { franceConnect: false, identite: null } });
  });

  it('an agent whose e-mail FranceConnect asserts must prove ownership, and is then refused access all the same', async () => {
    const agentId = await keycloak.createUser(jean.email, AGENT_PASSWORD, ['instructeur']);

    // First broker login finds her account by e-mail: never linked silently, she must confirm and give her password.
    const { flow, page } = await franceConnect(jean);
    expect(page.url.startsWith(`${REALM_URL}/`)).toBe(true);
    expect(textOf(page)).toMatch(/existe déjà|already exists/i);
    expect(await keycloak.federatedIdentities(agentId)).toEqual([]);

    const reauth = await flow.submit(page, { submitAction: 'linkAccount' });
    expect(textOf(reauth)).toMatch(/mot de passe|password/i);
    expect(await keycloak.federatedIdentities(agentId)).toEqual([]);

    // (A wrong password here would also count towards the brute-force lockout: not exercised, it would lock her.)
    const denied = await flow.submit(reauth, { password: AGENT_PASSWORD });
    expect(denied.url.startsWith(REALM_URL)).toBe(true);
    expect(textOf(denied)).toContain('Les agents publics ne peuvent pas se connecter avec FranceConnect');
    expect(() => flow.codeOf(denied)).toThrow();

    // Now linked, the next FranceConnect sign-in goes straight to the refusal: no code, no token.
    const again = await franceConnect(jean);
    expect(textOf(again.page)).toContain('Les agents publics ne peuvent pas se connecter avec FranceConnect');
    expect(again.page.url.startsWith('http://127.0.0.1:3000')).toBe(false);
  });
});
