import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@demarches/platform-config';
import { IdentityConfig } from '../config';
import {
  KeycloakAdmin,
  KeycloakAdminEvent,
  KeycloakEvent,
  KeycloakUser,
  NewKeycloakUser,
} from './keycloak-admin';

interface RawUser {
  id: string;
  email?: string;
  attributes?: Record<string, string[]>;
}

/** Real HTTP client of the Keycloak admin REST API, authenticated by client credentials. */
@Injectable()
export class HttpKeycloakAdmin extends KeycloakAdmin {
  private token: { value: string; expiresAt: number } | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: IdentityConfig) {
    super();
  }

  private get base(): string {
    return `${this.config.KEYCLOAK_URL.replace(/\/$/, '')}/admin/realms/${encodeURIComponent(this.config.KEYCLOAK_REALM)}`;
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt > Date.now() + 10_000) return this.token.value;
    const response = await fetch(
      `${this.config.KEYCLOAK_URL.replace(/\/$/, '')}/realms/${encodeURIComponent(this.config.KEYCLOAK_REALM)}/protocol/openid-connect/token`,
      {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: this.config.KEYCLOAK_CLIENT_ID,
          client_secret: this.config.KEYCLOAK_CLIENT_SECRET,
        }),
      },
    );
    if (!response.ok) throw new Error(`keycloak client credentials refused: ${response.status}`);
    const body = (await response.json()) as { access_token: string; expires_in: number };
    this.token = { value: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 };
    return body.access_token;
  }

  private async call<T>(method: string, path: string, body?: unknown, allow404 = false): Promise<T | null> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await this.accessToken()}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (allow404 && response.status === 404) return null;
    if (!response.ok) throw new Error(`keycloak ${method} ${path.split('?')[0]} answered ${response.status}`);
    const text = await response.text();
    if (method === 'POST' && response.status === 201) {
      return (response.headers.get('location')?.split('/').pop() ?? null) as T | null;
    }
    return (text ? JSON.parse(text) : null) as T | null;
  }

  async findUser(sub: string): Promise<KeycloakUser | null> {
    const raw = await this.call<RawUser>('GET', `/users/${encodeURIComponent(sub)}`, undefined, true);
    if (!raw) return null;
    const roles = await this.call<Array<{ name: string }>>(
      'GET',
      `/users/${encodeURIComponent(sub)}/role-mappings/realm/composite`,
    );
    return { ...toUser(raw), realmRoles: (roles ?? []).map((role) => role.name) };
  }

  async findUserByEmail(email: string): Promise<KeycloakUser | null> {
    const raw = await this.call<RawUser[]>('GET', `/users?exact=true&email=${encodeURIComponent(email)}`);
    return raw && raw[0] ? toUser(raw[0]) : null;
  }

  async createUser(user: NewKeycloakUser): Promise<string> {
    const id = await this.call<string>('POST', '/users', {
      username: user.email,
      email: user.email,
      enabled: true,
      emailVerified: false,
      requiredActions: user.requiredActions,
    });
    if (!id) throw new Error('keycloak created the user without a location');
    for (const role of user.realmRoles) await this.addRealmRole(id, role);
    return id;
  }

  async sendActionsEmail(sub: string, actions: string[], lifespanS: number): Promise<void> {
    await this.call(
      'PUT',
      `/users/${encodeURIComponent(sub)}/execute-actions-email?lifespan=${lifespanS}`,
      actions,
    );
  }

  private async role(name: string): Promise<unknown> {
    return this.call('GET', `/roles/${encodeURIComponent(name)}`);
  }

  async addRealmRole(sub: string, role: string): Promise<void> {
    await this.call('POST', `/users/${encodeURIComponent(sub)}/role-mappings/realm`, [await this.role(role)]);
  }

  async removeRealmRole(sub: string, role: string): Promise<void> {
    await this.call('DELETE', `/users/${encodeURIComponent(sub)}/role-mappings/realm`, [
      await this.role(role),
    ]);
  }

  async changeEmail(sub: string, email: string): Promise<void> {
    await this.call('PUT', `/users/${encodeURIComponent(sub)}`, {
      email,
      emailVerified: false,
      requiredActions: ['VERIFY_EMAIL'],
    });
    await this.sendActionsEmail(sub, ['VERIFY_EMAIL'], 86_400);
  }

  async deleteUser(sub: string): Promise<void> {
    await this.call('DELETE', `/users/${encodeURIComponent(sub)}`, undefined, true);
  }

  // Keycloak 26 takes `dateFrom` as epoch milliseconds (inclusive) and sorts by `direction`.
  async events(sinceMs: number, first: number, max: number): Promise<KeycloakEvent[]> {
    return (
      (await this.call<KeycloakEvent[]>(
        'GET',
        `/events?dateFrom=${Math.floor(sinceMs)}&direction=asc&first=${first}&max=${max}`,
      )) ?? []
    );
  }

  async adminEvents(sinceMs: number, first: number, max: number): Promise<KeycloakAdminEvent[]> {
    return (
      (await this.call<KeycloakAdminEvent[]>(
        'GET',
        `/admin-events?dateFrom=${Math.floor(sinceMs)}&direction=asc&first=${first}&max=${max}`,
      )) ?? []
    );
  }

  /** The `sub` of the client-credentials token is the service account's user id. */
  async serviceAccountId(): Promise<string> {
    const token = await this.accessToken();
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      sub?: string;
    };
    if (!payload.sub) throw new Error('keycloak service account token without sub');
    return payload.sub;
  }
}

function toUser(raw: RawUser): KeycloakUser {
  return { id: raw.id, email: raw.email ?? '', attributes: raw.attributes ?? {} };
}
