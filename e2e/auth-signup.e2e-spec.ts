// An usager signs up with her e-mail on Keycloak's registration form and cannot use the account until she follows
// the verification link Keycloak mailed her (real SMTP capture: Mailpit). With e-mail verification on, Keycloak
// (26.x) asks for the password only after the e-mail is verified, on its update-password page, where the
// realm's password policy applies.
import { randomBytes } from 'node:crypto';
import { Mailpit } from '@demarches/testing';
import { api, eventually, signIn } from './support/platform';
import { Browser, formsOf, Page, textOf } from './support/browser';
import { KeycloakAdmin } from './support/keycloak-admin';
import { AuthorizationCodeFlow, REALM_URL, WEB_REDIRECT_URI } from './support/oidc';

const keycloak = new KeycloakAdmin();
const mailpit = new Mailpit(process.env.E2E_MAIL_API_URL);
const email = `inscription.${randomBytes(4).toString('hex')}@e2e.demarches.test`;
const PASSWORD = 'Inscription-E2e-2026!';

function registrationLink(page: Page): string {
  const match = /href="([^"]*login-actions\/registration[^"]*)"/.exec(page.html);
  if (!match) throw new Error(`no registration link on ${page.url}`);
  return new URL(match[1]!.replace(/&amp;/g, '&'), page.url).toString();
}

describe('sign-up with e-mail, verified before first use', () => {
  afterAll(async () => {
    await keycloak.deleteByEmail(email);
  });

  it('cannot use her account before she verifies her e-mail, then sets a password and signs in', async () => {
    const flow = new AuthorizationCodeFlow();
    const form = await flow.browser.open(registrationLink(await flow.start()));
    const afterRegister = await flow.submit(form, { email, firstName: 'Camille', lastName: 'Inscrite' });

    // No code: Keycloak asks her to verify her e-mail first; the account has no credential yet.
    expect(afterRegister.url.startsWith(REALM_URL)).toBe(true);
    expect(textOf(afterRegister)).toMatch(/vérifier votre adresse/i);
    const account = await keycloak.userByEmail(email);
    expect(account).toMatchObject({ emailVerified: false, enabled: true });
    expect(account!.requiredActions).toEqual(expect.arrayContaining(['VERIFY_EMAIL']));
    await expect(signIn(email, PASSWORD)).rejects.toThrow(/Keycloak refused/);

    // The link of the mail Keycloak sent her, opened in the same browser.
    const mail = await eventually(async () => (await mailpit.mailsTo(email)).at(-1), 'verification mail');
    const link = /https?:\/\/\S*login-actions\/action-token\?key=[\w.-]+/.exec(mail.text)?.[0];
    expect(link).toBeDefined();
    let page = await flow.browser.open(link!, {}, WEB_REDIRECT_URI);
    // Some Keycloak versions confirm the verification with a « proceed » link first.
    if (formsOf(page).length === 0) {
      const proceed = /href="([^"]*login-actions\/[^"]*)"/.exec(page.html)?.[1];
      if (proceed)
        page = await flow.browser.open(
          new URL(proceed.replace(/&amp;/g, '&'), page.url).toString(),
          {},
          WEB_REDIRECT_URI,
        );
    }
    expect(await keycloak.userByEmail(email)).toMatchObject({ emailVerified: true });

    // Verified: now she chooses her password, under the realm's policy (12+ characters, not the e-mail...).
    const weak = await flow.submit(page, { 'password-new': 'Court-1!', 'password-confirm': 'Court-1!' });
    expect(weak.url.startsWith(REALM_URL)).toBe(true);
    expect(textOf(weak)).toMatch(/longueur minimale de 12/);
    const common = await flow.submit(weak, {
      'password-new': 'Password123!',
      'password-confirm': 'Password123!',
    });
    expect(common.url.startsWith(REALM_URL)).toBe(true);
    expect(textOf(common)).toMatch(/Mot de passe invalide/);
    const done = await flow.submit(common, { 'password-new': PASSWORD, 'password-confirm': PASSWORD });
    expect(textOf(done)).toMatch(/Votre compte a été mis à jour/);
    expect(await keycloak.userByEmail(email)).toMatchObject({ emailVerified: true, requiredActions: [] });

    // Now a sign-in from a new browser works with the password alone (she is an usager, no second factor).
    const later = new AuthorizationCodeFlow(new Browser());
    const signedIn = await later.submit(await later.start(), { username: email, password: PASSWORD });
    const again = await later.exchange(signedIn);
    const me = await api('GET', '/api/me', { token: again.access_token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email, roles: ['usager'] });
  });
});
