import { formsOf, textOf } from './support/browser';
import { AuthorizationCodeFlow } from './support/oidc';
it('explore', async () => {
  const flow = new AuthorizationCodeFlow();
  const login = await flow.start();
  const m = /href="([^"]*login-actions\/registration[^"]*)"/.exec(login.html)!;
  const form = await flow.browser.open(new URL(m[1]!.replace(/&amp;/g, '&'), login.url).toString());
  require("fs").writeFileSync("/tmp/reg.html", form.html);
  const r = await flow.submit(form, { email: 'zz.faible@e2e.demarches.test', firstName: 'A', lastName: 'B', password: 'court', 'password-confirm': 'court' });
  console.log(r.status, r.url, JSON.stringify(formsOf(r)), textOf(r).slice(0, 800));
});
