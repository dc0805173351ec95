import type { JWTPayload } from 'jose';

/**
 * Verifies a user's bearer token: resolves with its claims, rejects with TokenRejectedError when the token is
 * not acceptable, or with TokenVerificationUnavailableError when the keys could not be fetched.
 */
export interface AccessTokenVerifier {
  verify(token: string): Promise<JWTPayload>;
}

export class TokenRejectedError extends Error {
  override readonly name = 'TokenRejectedError';
}

/** The identity provider's keys are unreachable: the token may be fine, so this is not the caller's fault. */
export class TokenVerificationUnavailableError extends Error {
  override readonly name = 'TokenVerificationUnavailableError';
}

export const ACCESS_TOKEN_VERIFIER = 'gateway:ACCESS_TOKEN_VERIFIER';

export interface JwtVerifierOptions {
  issuer: string;
  audience: string;
  jwksUrl: string;
  clockToleranceS: number;
}

/** Keycloak's JWKS endpoint for a realm issuer, unless configured explicitly. */
export function jwksUrlOf(issuer: string, explicit?: string): string {
  return explicit ?? `${issuer.replace(/\/+$/, '')}/protocol/openid-connect/certs`;
}

// jose 6 is ESM-only. It is loaded lazily through import(): run from sources (@swc-node/register) that stays a
// native dynamic import; the container build (tools/build) turns it into require(), which Node loads through
// require(esm) (Node >= 20.19, the engines floor). Jest cannot load jose either way, so this file is the only one
// that touches it, and the token checks are tested against the real gateway process (gateway.int-spec.ts).
type Jose = typeof import('jose');
let josePromise: Promise<Jose> | undefined;
const loadJose = (): Promise<Jose> => (josePromise ??= import('jose'));

// Keycloak signs access tokens with RS256 by default; the list rules out `none` and HMAC confusion.
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256'];

/**
 * jose's remote JWKS set caches the keys (cooldown between refetches) and refetches once when a token names
 * an unknown `kid`, so a Keycloak key rotation needs no restart.
 */
export function createJwtVerifier(options: JwtVerifierOptions): AccessTokenVerifier {
  let jwks: ReturnType<Jose['createRemoteJWKSet']> | undefined;
  return {
    async verify(token: string): Promise<JWTPayload> {
      const jose = await loadJose();
      jwks ??= jose.createRemoteJWKSet(new URL(options.jwksUrl), {
        timeoutDuration: 5000,
        cooldownDuration: 30_000,
        cacheMaxAge: 10 * 60_000,
      });
      try {
        const { payload } = await jose.jwtVerify(token, jwks, {
          issuer: options.issuer,
          audience: options.audience,
          algorithms: ALGORITHMS,
          clockTolerance: options.clockToleranceS,
          requiredClaims: ['exp', 'sub'],
        });
        return payload;
      } catch (error: unknown) {
        throw classify(error);
      }
    },
  };
}

/** jose's own errors (ERR_JWT_EXPIRED, ERR_JWS_SIGNATURE_VERIFICATION_FAILED, …) reject the token; a JWKS
 * timeout or a network failure (fetch TypeError, no code) means the keys are unreachable. */
function classify(error: unknown): Error {
  const code =
    typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
      ? error.code
      : undefined;
  const reason = error instanceof Error ? error.message : 'verification failed';
  if (
    code !== undefined &&
    code.startsWith('ERR_J') &&
    code !== 'ERR_JWKS_TIMEOUT' &&
    code !== 'ERR_JWKS_INVALID'
  )
    return new TokenRejectedError(`${code}: ${reason}`);
  return new TokenVerificationUnavailableError(reason);
}
