import { Inject, Injectable } from '@nestjs/common';
import type { HealthIndicator } from '@demarches/platform-health';

export const JWKS_URL = 'gateway:JWKS_URL';

/** Without the identity provider's signing keys no signed-in request can be served. */
@Injectable()
export class KeycloakJwksHealthIndicator implements HealthIndicator {
  readonly name = 'keycloak';

  constructor(@Inject(JWKS_URL) private readonly jwksUrl: string) {}

  async check(): Promise<void> {
    const response = await fetch(this.jwksUrl, { signal: AbortSignal.timeout(1500) });
    if (!response.ok) throw new Error(`JWKS answered ${response.status}`);
    const body: unknown = await response.json();
    const keys = typeof body === 'object' && body !== null && 'keys' in body ? body.keys : undefined;
    if (!Array.isArray(keys) || keys.length === 0) throw new Error('JWKS has no keys');
  }
}
