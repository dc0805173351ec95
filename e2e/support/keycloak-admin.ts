// Keycloak admin calls for the e2e sign-in tests (the identity service account of the local realm): prepare and
// inspect accounts the way an operator would, never to shortcut what a test claims to exercise.
import { KEYCLOAK_URL } from './oidc';

export class KeycloakAdmin {
  private token: { value: string; until: number } | undefined;

  constructor(
    private readonly clientId = 'demarches-identity',
    private readonly clientSecret = process.env.E2E_IDENTITY_CLIENT_SECRET ?? 'identity-dev-secret',
  ) {}

  private async bearer(): Promise<string> {
    if (this.token && this.token.until > Date.now()) return this.token.value;
    const response = await fetch(`${KEYCLOAK_URL}/realms/demarches/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: this.clientId,
        client_secret: this.clientSecret,
      }),
    });
    if (!response.ok) throw new Error(`keycloak client credentials: ${response.status}`);
    this.token = {
      value: ((await response.json()) as { access_token: string }).access_token,
      until: Date.now() + 60_000,
    };
    return this.token.value;
  }

  async call<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T; location: string | null }> {
    const response = await fetch(`${KEYCLOAK_URL}/admin/realms/demarches${path}`, {
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

  async userByEmail(email: string): Promise<KcUser | undefined> {
    const found = await this.call<KcUser[]>('GET', `/users?exact=true&email=${encodeURIComponent(email)}`);
    return found.body?.[0];
  }

  async user(id: string): Promise<KcUser | undefined> {
    const found = await this.call<KcUser>('GET', `/users/${id}`);
    return found.status === 200 ? found.body : undefined;
  }

  async deleteByEmail(email: string): Promise<void> {
    const user = await this.userByEmail(email);
    if (user) await this.call('DELETE', `/users/${user.id}`);
  }

  async federatedIdentities(id: string): Promise<Array<{ identityProvider: string; userId: string }>> {
    return (
      (
        await this.call<Array<{ identityProvider: string; userId: string }>>(
          'GET',
          `/users/${id}/federated-identity`,
        )
      ).body ?? []
    );
  }

  /** An enabled, verified account with a password and realm roles (required actions none). */
  async createUser(email: string, password: string, roles: string[]): Promise<string> {
    const created = await this.call('POST', '/users', {
      username: email,
      email,
      enabled: true,
      emailVerified: true,
      firstName: 'Agent',
      lastName: 'Test',
      credentials: [{ type: 'password', value: password, temporary: false }],
    });
    if (created.status !== 201 || !created.location) throw new Error(`create ${email}: ${created.status}`);
    const id = created.location.split('/').pop() as string;
    for (const role of roles) {
      const rep = await this.call('GET', `/roles/${encodeURIComponent(role)}`);
      await this.call('POST', `/users/${id}/role-mappings/realm`, [rep.body]);
    }
    return id;
  }
}

export interface KcUser {
  id: string;
  email: string;
  emailVerified: boolean;
  enabled: boolean;
  firstName?: string;
  lastName?: string;
  requiredActions: string[];
  attributes?: Record<string, string[]>;
}
