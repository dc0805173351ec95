// Keycloak admin calls for identity's integration tests (and nothing else): set up and inspect real accounts of the local realm.

const REALM = 'demarches';

export class KeycloakTestAdmin {
  private token: string | undefined;

  constructor(
    /** The local Keycloak (the int-spec passes `localInfrastructure.keycloakUrl`). */
    private readonly url: string,
    private readonly clientId = 'demarches-identity',
    private readonly clientSecret = 'identity-dev-secret',
  ) {}

  private async bearer(): Promise<string> {
    if (this.token) return this.token;
    const response = await fetch(`${this.url}/realms/${REALM}/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: this.clientId,
        client_secret: this.clientSecret,
      }),
    });
    if (!response.ok) throw new Error(`keycloak client credentials: ${response.status}`);
    this.token = ((await response.json()) as { access_token: string }).access_token;
    setTimeout(() => (this.token = undefined), 60_000).unref();
    return this.token;
  }

  async call<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T; location: string | null }> {
    const response = await fetch(`${this.url}/admin/realms/${REALM}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await this.bearer()}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : null) as T,
      location: response.headers.get('location'),
    };
  }

  /** A verified account with a password and the given realm roles; returns its id (the OIDC sub). */
  async createUser(email: string, password: string | undefined, roles: string[] = []): Promise<string> {
    const created = await this.call('POST', '/users', {
      username: email,
      email,
      enabled: true,
      emailVerified: true,
      firstName: 'Test',
      lastName: 'Intégration',
      ...(password ? { credentials: [{ type: 'password', value: password, temporary: false }] } : {}),
    });
    if (created.status !== 201 || !created.location)
      throw new Error(`create user ${email}: ${created.status}`);
    const id = created.location.split('/').pop() as string;
    for (const role of roles) {
      const roleRep = await this.call('GET', `/roles/${encodeURIComponent(role)}`);
      await this.call('POST', `/users/${id}/role-mappings/realm`, [roleRep.body]);
    }
    return id;
  }

  async userByEmail(
    email: string,
  ): Promise<{ id: string; email: string; requiredActions: string[] } | undefined> {
    const found = await this.call<Array<{ id: string; email: string; requiredActions: string[] }>>(
      'GET',
      `/users?exact=true&email=${encodeURIComponent(email)}`,
    );
    return found.body?.[0];
  }

  async user(id: string): Promise<{ id: string; email: string } | undefined> {
    const found = await this.call<{ id: string; email: string }>('GET', `/users/${id}`);
    return found.status === 200 ? found.body : undefined;
  }

  async realmRoles(id: string): Promise<string[]> {
    const roles = await this.call<Array<{ name: string }>>(
      'GET',
      `/users/${id}/role-mappings/realm/composite`,
    );
    return (roles.body ?? []).map((role) => role.name);
  }

  async deleteUser(id: string): Promise<void> {
    await this.call('DELETE', `/users/${id}`);
  }

  async deleteByEmail(email: string): Promise<void> {
    const user = await this.userByEmail(email);
    if (user) await this.deleteUser(user.id);
  }
}
