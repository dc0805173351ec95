#!/usr/bin/env node
// Applies deploy/keycloak/demarches-realm.json to a RUNNING Keycloak through its admin REST API.
//
// Keycloak's `--import-realm` only imports a realm that does not exist yet, so an edited realm file would otherwise
// need `infra.sh reset keycloak` (losing every account created since). This script brings a live realm in line with
// the file without deleting users: realm settings, roles (added, never removed), authentication flows (created when
// missing; missing executions appended to existing ones), clients (overwritten), the FranceConnect identity provider and its mappers (updated in place, so linked
// accounts stay linked), service-account and demo-user role mappings. A missing realm is simply created.
//
// Environment: KEYCLOAK_URL [http://127.0.0.1:8180], KEYCLOAK_ADMIN_USER [admin], KEYCLOAK_ADMIN_PASSWORD [admin],
//   KEYCLOAK_REALM_FILE [deploy/keycloak/demarches-realm.json], FRANCECONNECT_URL [http://127.0.0.1:8280],
//   KEYCLOAK_AGENT_SECOND_FACTOR [true]: `false` binds the stock "browser" flow (no OTP for agents).
// Usage: node deploy/keycloak/apply-realm.mjs            (also exported as applyRealm() for test setups)
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const STANDIN_DEFAULT = 'http://127.0.0.1:8280';

/** The realm file as Keycloak should see it in this deployment. */
export function loadRealm({
  file = join(here, 'demarches-realm.json'),
  franceConnectUrl = STANDIN_DEFAULT,
  agentSecondFactor = true,
} = {}) {
  const text = readFileSync(file, 'utf8').split(STANDIN_DEFAULT).join(franceConnectUrl.replace(/\/$/, ''));
  const realm = JSON.parse(text);
  if (!agentSecondFactor) realm.browserFlow = 'browser';
  return realm;
}

class Admin {
  constructor(url, realm) {
    this.url = url.replace(/\/$/, '');
    this.realm = realm;
  }

  async login(user, password) {
    const response = await fetch(`${this.url}/realms/master/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', client_id: 'admin-cli', username: user, password }),
    });
    if (!response.ok) throw new Error(`Keycloak admin login failed: ${response.status}`);
    this.token = (await response.json()).access_token;
  }

  async call(method, path, body, { allow = [] } = {}) {
    const response = await fetch(`${this.url}/admin/realms${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok && !allow.includes(response.status))
      throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  r(path = '') {
    return `/${encodeURIComponent(this.realm)}${path}`;
  }
}

const enc = encodeURIComponent;

async function addExecution(admin, realm, alias, execution) {
  if (execution.authenticatorFlow) {
    const child = realm.authenticationFlows.find((f) => f.alias === execution.flowAlias);
    await admin.call('POST', admin.r(`/authentication/flows/${enc(alias)}/executions/flow`), {
      alias: child.alias,
      description: child.description,
      provider: 'registration-page-form',
      type: 'basic-flow',
    });
  } else {
    await admin.call('POST', admin.r(`/authentication/flows/${enc(alias)}/executions/execution`), {
      provider: execution.authenticator,
    });
  }
  // The new execution is the last one at the top level of this flow.
  const list = (await admin.call('GET', admin.r(`/authentication/flows/${enc(alias)}/executions`))).body;
  const added = list.filter((e) => e.level === 0).at(-1);
  await admin.call('PUT', admin.r(`/authentication/flows/${enc(alias)}/executions`), {
    ...added,
    requirement: execution.requirement,
  });
  if (execution.authenticatorConfig) {
    const config = realm.authenticatorConfig.find((c) => c.alias === execution.authenticatorConfig);
    await admin.call('POST', admin.r(`/authentication/executions/${added.id}/config`), {
      alias: config.alias,
      config: config.config,
    });
  }
}

async function ensureFlow(admin, realm, alias, parent) {
  const flow = realm.authenticationFlows.find((f) => f.alias === alias);
  if (!parent) {
    const existing = (await admin.call('GET', admin.r('/authentication/flows'))).body;
    if (existing.some((f) => f.alias === alias)) {
      await syncFlow(admin, realm, alias);
      return false;
    }
    await admin.call('POST', admin.r('/authentication/flows'), {
      alias,
      description: flow.description,
      providerId: 'basic-flow',
      topLevel: true,
      builtIn: false,
    });
  }
  const executions = [...flow.authenticationExecutions].sort((a, b) => a.priority - b.priority);
  for (const execution of executions) {
    await addExecution(admin, realm, alias, execution);
    if (execution.authenticatorFlow) await ensureFlow(admin, realm, execution.flowAlias, alias);
  }
  return true;
}

/**
 * An existing flow (it may be bound to the realm or an identity provider, so it cannot be recreated): executions
 * of the file that it lacks are appended, in file order, at every level. Nothing is removed or reordered.
 */
async function syncFlow(admin, realm, alias) {
  const flow = realm.authenticationFlows.find((f) => f.alias === alias);
  const live = (
    await admin.call('GET', admin.r(`/authentication/flows/${enc(alias)}/executions`))
  ).body.filter((e) => e.level === 0);
  const executions = [...flow.authenticationExecutions].sort((a, b) => a.priority - b.priority);
  for (const execution of executions) {
    const present = live.some((e) =>
      execution.authenticatorFlow
        ? e.authenticationFlow && e.displayName === execution.flowAlias
        : !e.authenticationFlow && e.providerId === execution.authenticator,
    );
    if (!present) {
      await addExecution(admin, realm, alias, execution);
      if (execution.authenticatorFlow) await ensureFlow(admin, realm, execution.flowAlias, alias);
    } else if (execution.authenticatorFlow) {
      await syncFlow(admin, realm, execution.flowAlias);
    }
  }
}

async function roleByName(admin, name) {
  return (await admin.call('GET', admin.r(`/roles/${enc(name)}`))).body;
}

async function clientByClientId(admin, clientId) {
  return (await admin.call('GET', admin.r(`/clients?clientId=${enc(clientId)}`))).body[0];
}

async function ensureRoleMappings(admin, userId, user) {
  const realmRoles = await Promise.all((user.realmRoles ?? []).map((name) => roleByName(admin, name)));
  if (realmRoles.length > 0)
    await admin.call('POST', admin.r(`/users/${userId}/role-mappings/realm`), realmRoles);
  for (const [clientId, names] of Object.entries(user.clientRoles ?? {})) {
    const client = await clientByClientId(admin, clientId);
    const roles = await Promise.all(
      names.map(
        async (name) => (await admin.call('GET', admin.r(`/clients/${client.id}/roles/${enc(name)}`))).body,
      ),
    );
    await admin.call('POST', admin.r(`/users/${userId}/role-mappings/clients/${client.id}`), roles);
  }
}

/** Brings the running realm in line with the file; returns what it did. */
export async function applyRealm({
  keycloakUrl = process.env.KEYCLOAK_URL ?? 'http://127.0.0.1:8180',
  adminUser = process.env.KEYCLOAK_ADMIN_USER ?? 'admin',
  adminPassword = process.env.KEYCLOAK_ADMIN_PASSWORD ?? 'admin',
  file = process.env.KEYCLOAK_REALM_FILE ?? join(here, 'demarches-realm.json'),
  franceConnectUrl = process.env.FRANCECONNECT_URL ?? STANDIN_DEFAULT,
  agentSecondFactor = process.env.KEYCLOAK_AGENT_SECOND_FACTOR !== 'false',
} = {}) {
  const realm = loadRealm({ file, franceConnectUrl, agentSecondFactor });
  const admin = new Admin(keycloakUrl, realm.realm);
  await admin.login(adminUser, adminPassword);

  const found = await admin.call('GET', admin.r(), undefined, { allow: [404] });
  if (found.status === 404) {
    await admin.call('POST', '', realm);
    return { created: true };
  }

  // Roles first (flows and users refer to them), then composites: added, never removed.
  await admin.call('POST', admin.r('/partialImport'), { ifResourceExists: 'SKIP', roles: realm.roles });
  for (const role of realm.roles.realm.filter((r) => r.composite)) {
    const composites = await Promise.all(role.composites.realm.map((name) => roleByName(admin, name)));
    await admin.call('POST', admin.r(`/roles/${enc(role.name)}/composites`), composites);
  }
  if (realm.defaultRole?.composites?.realm) {
    const composites = await Promise.all(
      realm.defaultRole.composites.realm.map((name) => roleByName(admin, name)),
    );
    await admin.call('POST', admin.r(`/roles/${enc(realm.defaultRole.name)}/composites`), composites);
  }

  const createdFlows = [];
  for (const flow of realm.authenticationFlows.filter((f) => f.topLevel)) {
    if (await ensureFlow(admin, realm, flow.alias)) createdFlows.push(flow.alias);
  }

  const {
    users,
    clients,
    roles: _roles,
    defaultRole: _defaultRole,
    identityProviders,
    identityProviderMappers,
    authenticationFlows: _flows,
    authenticatorConfig: _configs,
    components: _components,
    ...settings
  } = realm;
  await admin.call('PUT', admin.r(), settings);

  await admin.call('POST', admin.r('/partialImport'), { ifResourceExists: 'OVERWRITE', clients });

  for (const provider of identityProviders) {
    const path = admin.r(`/identity-provider/instances/${enc(provider.alias)}`);
    const existing = await admin.call('GET', path, undefined, { allow: [404] });
    if (existing.status === 404) await admin.call('POST', admin.r('/identity-provider/instances'), provider);
    else
      await admin.call('PUT', path, {
        ...existing.body,
        ...provider,
        config: { ...existing.body.config, ...provider.config },
      });
    const mappers = (await admin.call('GET', `${path}/mappers`)).body;
    for (const mapper of mappers) await admin.call('DELETE', `${path}/mappers/${mapper.id}`);
    for (const mapper of identityProviderMappers.filter((m) => m.identityProviderAlias === provider.alias))
      await admin.call('POST', `${path}/mappers`, mapper);
  }

  // Users: created when missing (never overwritten: ids and passwords stay), role mappings ensured.
  const plain = users.filter((u) => !u.serviceAccountClientId);
  await admin.call('POST', admin.r('/partialImport'), { ifResourceExists: 'SKIP', users: plain });
  for (const user of users) {
    let userId;
    if (user.serviceAccountClientId) {
      const client = await clientByClientId(admin, user.serviceAccountClientId);
      userId = (await admin.call('GET', admin.r(`/clients/${client.id}/service-account-user`))).body.id;
    } else {
      userId = (await admin.call('GET', admin.r(`/users?exact=true&username=${enc(user.username)}`))).body[0]
        ?.id;
    }
    if (userId) await ensureRoleMappings(admin, userId, user);
  }
  return { created: false, createdFlows };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  applyRealm().then(
    (result) => console.log(`realm applied: ${JSON.stringify(result)}`),
    (error) => {
      console.error(`realm not applied: ${error.message}`);
      process.exit(1);
    },
  );
}
