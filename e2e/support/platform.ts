// Talks to the running platform the way its users do: through the gateway, with real Keycloak tokens.
import { keycloakPasswordToken } from '@demarches/testing';

const GATEWAY = process.env.E2E_GATEWAY_URL ?? 'http://127.0.0.1:3000';
const KEYCLOAK = process.env.E2E_KEYCLOAK_URL ?? 'http://127.0.0.1:8180';

export const DEMO_PASSWORD = 'Demarches-Demo-2026!';
export const demoUsers = {
  administrateur: 'admin@demo.demarches.gouv.fr',
  instructeur: 'instructeur@demo.demarches.gouv.fr',
  usager: 'usager@demo.demarches.fr',
  autreUsager: 'usager2@demo.demarches.fr',
} as const;

/** A real access token from Keycloak (password grant on the CLI client, enabled for tests and demos only). */
export function signIn(username: string, password = DEMO_PASSWORD): Promise<string> {
  return keycloakPasswordToken(username, password, KEYCLOAK);
}

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
}

export async function api<T = Record<string, unknown>>(
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<ApiResponse<T>> {
  const response = await fetch(`${GATEWAY}${path}`, {
    method,
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
}

/** Polls until `probe` returns a value: the platform is eventually consistent across services. */
export async function eventually<T>(
  probe: () => Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}
