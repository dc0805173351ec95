import { localInfrastructure } from './local-infrastructure';

/** The realm and the public client seeded in the local Keycloak (password grant enabled for tests and demos). */
export const LOCAL_REALM = 'demarches';
export const LOCAL_CLI_CLIENT = 'demarches-cli';

/** A real access token from Keycloak for a seeded user (password grant on the CLI client). */
export async function keycloakPasswordToken(
  username: string,
  password: string,
  keycloakUrl: string = localInfrastructure.keycloakUrl,
): Promise<string> {
  const response = await fetch(`${keycloakUrl}/realms/${LOCAL_REALM}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: LOCAL_CLI_CLIENT,
      username,
      password,
      scope: 'openid email',
    }),
  });
  if (!response.ok)
    throw new Error(`Keycloak refused ${username}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}
