// An instructeur invited by e-mail (an administrateur's invitation through the gateway) sets her password from the
// link Keycloak mailed her, configures her authenticator app (TOTP, secret read from Keycloak's page), then signs in
// with password + TOTP code: agents always pass a second factor on a new device.
import { randomBytes } from 'node:crypto';
import { Mailpit } from '@demarches/testing';
import { api, demoUsers, eventually, signIn } from './support/platform';
import { Browser, decodeHtml, formsOf, Page, textOf } from './support/browser';
import { KeycloakAdmin } from './support/keycloak-admin';
import { AuthorizationCodeFlow, REALM_URL } from './support/oidc';
import { totp } from './support/totp';

const keycloak = new KeycloakAdmin();
const mailpit = new Mailpit(process.env.E2E_MAIL_API_URL);
const email = `instructrice.${randomBytes(4).toString('hex')}@e2e.demarches.test`;
const PASSWORD = 'Instructrice-E2e-2026!';

/** Keycloak's « proceed » link on the info page an action token can open with. */
async function followProceed(browser: Browser, page: Page): Promise<Page> {
  if (formsOf(page).length > 0) return page;
  const proceed = /href="([^"]*login-actions\/[^"]*)"/.exec(page.html)?.[1];
  if (!proceed) return page;
  return browser.open(new URL(decodeHtml(proceed), page.url).toString());
}

/** The TOTP secret as Keycloak shows it to type into an app (manual mode of the configure-TOTP page). */
async function totpSecretOf(browser: Browser, page: Page): Promise<{ page: Page; secret: string }> {
  const manual = /href="([^"]*mode=manual[^"]*)"/.exec(page.html)?.[1];
  const shown = manual ? await browser.open(new URL(decodeHtml(manual), page.url).toString()) : page;
  const secret = /id="kc-totp-secret-key"[^>]*>([^<]+)</.exec(shown.html)?.[1]?.trim();
  if (!secret) throw new Error(`no TOTP secret on ${shown.url}:\n${textOf(shown).slice(0, 500)}`);
  return { page: shown, secret };
}

describe('invited instructeur: password from the e-mailed link, then password + TOTP', () => {
  afterAll(async () => {
    await keycloak.deleteByEmail(email);
  });

  it('is invited, sets her password and TOTP, then signs in with both and reaches the platform as instructeur', async () => {
    const admin = await signIn(demoUsers.administrateur);
    const invited = await api('POST', '/api/admin/invitations', {
      token: admin,
      body: { email, role: 'instructeur' },
    });
    expect(invited.status).toBe(201);

    const mail = await eventually(async () => (await mailpit.mailsTo(email)).at(-1), 'invitation mail');
    const link = /https?:\/\/\S*login-actions\/action-token\?key=[\w.-]+/.exec(mail.text)?.[0];
    expect(link).toBeDefined();

    // Her own browser: the link, then Keycloak's required actions in the realm's order (authenticator app and
    // password): the TOTP secret is read from the page and answered with the current code.
    const browser = new Browser();
    let page = await followProceed(browser, await browser.open(link!));
    let secret: string | undefined;
    const configured: string[] = [];
    for (let step = 0; step < 5 && !/compte a été mis à jour/i.test(textOf(page)); step++) {
      const fields = formsOf(page)[0]?.fields ?? {};
      if ('totp' in fields || /mode=manual/.test(page.html)) {
        const shown = await totpSecretOf(browser, page);
        secret = shown.secret;
        page = await browser.submit(shown.page, { totp: totp(secret), userLabel: 'Téléphone e2e' });
        configured.push('totp');
      } else if ('password-new' in fields) {
        page = await browser.submit(page, { 'password-new': PASSWORD, 'password-confirm': PASSWORD });
        configured.push('password');
      } else if ('firstName' in fields) {
        // The realm's user profile requires a name, which the invitation does not carry: she gives hers.
        page = await browser.submit(page, { firstName: 'Inès', lastName: 'Tructrice' });
        configured.push('profile');
      } else {
        page = await followProceed(browser, page);
      }
    }
    expect(configured.sort()).toEqual(['password', 'profile', 'totp']);
    expect(textOf(page)).toMatch(/compte a été mis à jour/i);
    expect(await keycloak.userByEmail(email)).toMatchObject({ requiredActions: [] });

    // Sign in from a new device: password, then the TOTP form; a wrong code gets no code back.
    const flow = new AuthorizationCodeFlow(new Browser());
    const otpForm = await flow.submit(await flow.start(), { username: email, password: PASSWORD });
    expect(otpForm.url.startsWith(REALM_URL)).toBe(true);
    expect(formsOf(otpForm)[0]?.fields).toHaveProperty('otp');
    const wrongCode = String(
      (Number(totp(secret!, { atMs: Date.now() + 5 * 60_000 })) + 1) % 1_000_000,
    ).padStart(6, '0');
    const refused = await flow.submit(otpForm, { otp: wrongCode });
    expect(refused.url.startsWith(REALM_URL)).toBe(true);
    expect(formsOf(refused)[0]?.fields).toHaveProperty('otp');
    // The next time step's code: never the one used to configure (Keycloak refuses a code twice), inside the
    // realm's look-ahead window of one step.
    const done = await flow.submit(refused, { otp: totp(secret!, { atMs: Date.now() + 30_000 }) });
    const tokens = await flow.exchange(done);

    const me = await api('GET', '/api/me', { token: tokens.access_token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email });
    expect(me.body['roles']).toEqual(expect.arrayContaining(['instructeur']));
  });
});
