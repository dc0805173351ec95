// FranceConnect stand-in for local development and tests — NOT FranceConnect, never expose it.
//
// An OpenID Provider (npm `oidc-provider`, certified OpenID implementation) that behaves like
// FranceConnect towards Keycloak: FranceConnect-like endpoints (/api/v1/authorize, /token, /userinfo,
// /jwks, /logout), the `identite_pivot` scope with the pivot-identity claims, acr `eidas1`,
// and a few fixed test identities picked on a plain login form (no password).
//
// Environment (defaults in brackets):
//   FC_HOST [127.0.0.1]  FC_PORT [8280]  FC_ISSUER [http://127.0.0.1:8280]
//   FC_DATA_DIR [<repo>/.infra/data/franceconnect]   signing keys + cookie keys, generated at first start
//   FC_CLIENT_ID [demarches-keycloak]  FC_CLIENT_SECRET [fc-dev-secret]
//   FC_REDIRECT_URIS [http://127.0.0.1:8180/realms/demarches/broker/franceconnect/endpoint] (comma-separated)
//   FC_POST_LOGOUT_REDIRECT_URIS [<redirect uri>/logout_response] (comma-separated)
//
// Like FranceConnect, /api/v1/authorize refuses a request without state, nonce (22+ characters) or acr_values=eidas1.
// Test hooks: GET /interaction/:uid shows the form; POST /interaction/:uid/login with `username=<key>`
// (key, sub or e-mail of an identity) logs in; an authorization request carrying `login_hint=<key>`
// logs in directly (Keycloak forwards login_hint when its IdP option "Pass login_hint" is on).
// GET /identities lists the test identities as JSON.

import { createServer } from 'node:http';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync, renameSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Provider from 'oidc-provider';

const here = dirname(fileURLToPath(import.meta.url));
const HOST = process.env.FC_HOST ?? '127.0.0.1';
const PORT = Number(process.env.FC_PORT ?? 8280);
const ISSUER = process.env.FC_ISSUER ?? `http://${HOST}:${PORT}`;
const DATA_DIR = resolve(
  process.env.FC_DATA_DIR ?? join(here, '..', '..', '.infra', 'data', 'franceconnect'),
);
const CLIENT_ID = process.env.FC_CLIENT_ID ?? 'demarches-keycloak';
const CLIENT_SECRET = process.env.FC_CLIENT_SECRET ?? 'fc-dev-secret';
const REDIRECT_URIS = (
  process.env.FC_REDIRECT_URIS ?? 'http://127.0.0.1:8180/realms/demarches/broker/franceconnect/endpoint'
)
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const POST_LOGOUT_REDIRECT_URIS = (
  process.env.FC_POST_LOGOUT_REDIRECT_URIS ?? REDIRECT_URIS.map((u) => `${u}/logout_response`).join(',')
)
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);

// Pivot identities (shape of FranceConnect's `identite_pivot`; birthplace/birthcountry are INSEE COG codes).
const IDENTITIES = {
  angela: {
    sub: 'fc-angela',
    given_name: 'Angela Claire Louise',
    family_name: 'DUBOIS',
    birthdate: '1962-08-24',
    gender: 'female',
    birthplace: '75107',
    birthcountry: '99100',
    preferred_username: '',
    email: 'angela.dubois@fc.demo.fr',
  },
  jean: {
    sub: 'fc-jean',
    given_name: 'Jean Pierre',
    family_name: 'MARTIN',
    birthdate: '1975-03-12',
    gender: 'male',
    birthplace: '69123',
    birthcountry: '99100',
    preferred_username: '',
    email: 'jean.martin@fc.demo.fr',
  },
  fatou: {
    sub: 'fc-fatou',
    given_name: 'Fatou',
    family_name: 'DIALLO',
    birthdate: '1990-11-05',
    gender: 'female',
    birthplace: '',
    birthcountry: '99341',
    preferred_username: 'NDIAYE',
    email: 'fatou.diallo@fc.demo.fr',
  },
};
const PIVOT_CLAIMS = [
  'given_name',
  'family_name',
  'birthdate',
  'gender',
  'birthplace',
  'birthcountry',
  'preferred_username',
];
const SCOPE = 'openid identite_pivot email';

function findIdentity(key) {
  if (!key) return undefined;
  const k = String(key).trim().toLowerCase();
  return Object.entries(IDENTITIES).find(([name, id]) => name === k || id.sub === k || id.email === k)?.[1];
}

// Persistent keys: RS256 signing key and cookie keys, generated once into DATA_DIR.
function loadState() {
  mkdirSync(DATA_DIR, { recursive: true });
  const file = join(DATA_DIR, 'keys.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = {
    ...privateKey.export({ format: 'jwk' }),
    kid: `fc-standin-${Date.now()}`,
    use: 'sig',
    alg: 'RS256',
  };
  const state = { jwks: { keys: [jwk] }, cookieKeys: [randomBytes(32).toString('base64url')] };
  writeFileSync(`${file}.tmp`, JSON.stringify(state, null, 2), { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
  return state;
}
const state = loadState();

const configuration = {
  clients: [
    {
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      redirect_uris: REDIRECT_URIS,
      post_logout_redirect_uris: POST_LOGOUT_REDIRECT_URIS,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
      id_token_signed_response_alg: 'RS256',
      scope: SCOPE,
    },
  ],
  jwks: state.jwks,
  cookies: { keys: state.cookieKeys },
  scopes: ['openid', 'identite_pivot', 'email'],
  claims: {
    acr: null,
    amr: null,
    auth_time: null,
    sid: null,
    openid: ['sub'],
    identite_pivot: PIVOT_CLAIMS,
    email: ['email'],
  },
  acrValues: ['eidas1'],
  // Pivot-identity claims go in the ID token too (FranceConnect puts them in userinfo; Keycloak reads both).
  conformIdTokenClaims: false,
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: { enabled: true },
    introspection: { enabled: false },
    revocation: { enabled: true },
  },
  routes: {
    authorization: '/api/v1/authorize',
    token: '/api/v1/token',
    userinfo: '/api/v1/userinfo',
    jwks: '/api/v1/jwks',
    end_session: '/api/v1/logout',
    revocation: '/api/v1/revoke',
  },
  ttl: {
    AccessToken: 3600,
    AuthorizationCode: 60,
    IdToken: 3600,
    Interaction: 600,
    Session: 3600,
    Grant: 3600,
  },
  interactions: {
    url: (_ctx, interaction) => `/interaction/${interaction.uid}`,
  },
  // First-party stand-in: no consent screen, grant what the client asked for.
  async loadExistingGrant(ctx) {
    const grantId =
      ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) {
      const existing = await ctx.oidc.provider.Grant.find(grantId);
      if (existing) return existing;
    }
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope(SCOPE);
    grant.addOIDCClaims([...PIVOT_CLAIMS, 'email', 'sub']);
    await grant.save();
    return grant;
  },
  async findAccount(_ctx, id) {
    const identity = Object.values(IDENTITIES).find((i) => i.sub === id);
    if (!identity) return undefined;
    return {
      accountId: identity.sub,
      async claims() {
        const claims = { ...identity };
        if (!claims.preferred_username) delete claims.preferred_username;
        if (!claims.birthplace) delete claims.birthplace;
        return claims;
      },
    };
  },
  renderError(ctx, out) {
    ctx.type = 'html';
    ctx.body = page('Erreur', `<h1>Erreur</h1><pre>${escapeHtml(JSON.stringify(out, null, 2))}</pre>`);
  },
};

const provider = new Provider(ISSUER, configuration);
provider.on('server_error', (_ctx, err) => console.error('server_error', err));

// Like FranceConnect, refuse an authorization request without state, without a nonce of at least 22 characters
// (FranceConnect's minimum; oidc-provider then puts it in the ID token, where Keycloak checks it), or without
// acr_values=eidas1. Keycloak sends state and nonce itself and acr_values from the IdP's authorization URL.
const MIN_NONCE_LENGTH = 22;
provider.use(async (ctx, next) => {
  if (ctx.path === '/api/v1/authorize' && ctx.method === 'GET') {
    const { state, nonce, acr_values: acrValues } = ctx.query;
    const problem =
      typeof state !== 'string' || state.length === 0
        ? 'state manquant'
        : typeof nonce !== 'string' || nonce.length < MIN_NONCE_LENGTH
          ? `nonce manquant ou trop court (${MIN_NONCE_LENGTH} caractères minimum)`
          : typeof acrValues !== 'string' || !acrValues.split(' ').includes('eidas1')
            ? 'acr_values=eidas1 attendu'
            : undefined;
    if (problem) {
      ctx.status = 400;
      ctx.type = 'json';
      ctx.body = { error: 'invalid_request', error_description: problem };
      return;
    }
  }
  await next();
});

function escapeHtml(s) {
  return String(s).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  );
}

function page(title, body) {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:sans-serif;max-width:36rem;margin:2rem auto}label{display:block;margin:.4rem 0}
.warn{background:#fee;border:1px solid #c00;padding:.5rem}</style></head><body>
<p class="warn">FranceConnect — bouchon local de développement (aucune vraie identité)</p>${body}</body></html>`;
}

function loginForm(uid, error) {
  const options = Object.entries(IDENTITIES)
    .map(
      ([key, id], i) =>
        `<label><input type="radio" name="username" value="${key}"${i === 0 ? ' checked' : ''}> ${escapeHtml(id.given_name)} ${escapeHtml(id.family_name)} <small>(${key}, ${escapeHtml(id.email)})</small></label>`,
    )
    .join('\n');
  return page(
    'Connexion FranceConnect (bouchon)',
    `<h1>Choisir une identité</h1>
${error ? `<p class="warn">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
${options}
<label>ou identifiant : <input type="text" name="username_text" autocomplete="off"></label>
<button type="submit" id="submit">Se connecter</button>
</form>
<form method="post" action="/interaction/${escapeHtml(uid)}/abort"><button type="submit">Annuler</button></form>`,
  );
}

async function readForm(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > 64 * 1024) throw new Error('form too large');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function send(res, status, type, body) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

async function finishConsent(req, res, details) {
  const { prompt, params, session } = details;
  let { grantId } = details;
  const grant = grantId
    ? await provider.Grant.find(grantId)
    : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
  if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
  if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
  grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

async function handleInteraction(req, res, url) {
  const m = url.pathname.match(/^\/interaction\/([^/]+)(?:\/(login|abort))?$/);
  if (!m) return send(res, 404, 'text/plain', 'not found');
  const [, uid, action] = m;
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) return send(res, 400, 'text/plain', 'interaction mismatch');

  if (req.method === 'GET' && !action) {
    if (details.prompt.name === 'login') {
      const hinted = findIdentity(details.params.login_hint);
      if (hinted) {
        return provider.interactionFinished(
          req,
          res,
          { login: { accountId: hinted.sub, acr: 'eidas1', amr: ['pwd'] } },
          { mergeWithLastSubmission: false },
        );
      }
      return send(res, 200, 'text/html; charset=utf-8', loginForm(uid));
    }
    if (details.prompt.name === 'consent') return finishConsent(req, res, details);
    return send(res, 400, 'text/plain', `unsupported prompt ${details.prompt.name}`);
  }
  if (req.method === 'POST' && action === 'login') {
    const form = await readForm(req);
    const identity = findIdentity(form.get('username_text') || form.get('username'));
    if (!identity) return send(res, 200, 'text/html; charset=utf-8', loginForm(uid, 'Identité inconnue'));
    return provider.interactionFinished(
      req,
      res,
      { login: { accountId: identity.sub, acr: 'eidas1', amr: ['pwd'] } },
      { mergeWithLastSubmission: false },
    );
  }
  if (req.method === 'POST' && action === 'abort') {
    return provider.interactionFinished(
      req,
      res,
      { error: 'access_denied', error_description: 'Connexion annulée' },
      { mergeWithLastSubmission: false },
    );
  }
  return send(res, 405, 'text/plain', 'method not allowed');
}

const oidcCallback = provider.callback();

const server = createServer(async (req, res) => {
  const url = new URL(req.url, ISSUER);
  try {
    if (url.pathname.startsWith('/interaction/')) return await handleInteraction(req, res, url);
    if (url.pathname === '/identities' && req.method === 'GET') {
      return send(res, 200, 'application/json', JSON.stringify(IDENTITIES, null, 2));
    }
    if (url.pathname === '/healthz') return send(res, 200, 'text/plain', 'ok');
    return oidcCallback(req, res);
  } catch (err) {
    console.error(err);
    if (!res.headersSent) send(res, 500, 'text/plain', `error: ${err.message}`);
    else res.end();
  }
});

server.listen(PORT, HOST, () => {
  console.log(
    `FranceConnect stand-in listening on http://${HOST}:${PORT} (issuer ${ISSUER}, keys in ${DATA_DIR})`,
  );
});

for (const sig of ['SIGTERM', 'SIGINT']) {
  process.on(sig, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  });
}
