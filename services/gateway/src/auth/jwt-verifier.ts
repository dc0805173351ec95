import type { JWTPayload } from 'jose';

/**
 * Verifies a user's bearer token: resolves with its claims, rejects with TokenRejectedError when the token is
 * not acceptable, or with TokenVerificationUnavailableError when the keys could not be fetched.
 */
export interface AccessTokenVerifier {
  verify(token: string): Promise<JWTPayload>;
}

/** Why a token was refused, as told to the caller: only "expired" is worth distinguishing (refresh it). */
export type TokenRejection = 'expired' | 'invalid';

export class TokenRejectedError extends Error {
  override readonly name = 'TokenRejectedError';

  constructor(
    message: string,
    readonly reason: TokenRejection = 'invalid',
  ) {
    super(message);
  }
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
  /**
   * Minimum time between two JWKS fetches. A token naming an unknown kid triggers a refetch once this has passed
   * since the last one (key rotation), while a flood of made-up kids cannot hammer Keycloak. Default 5 s.
   */
  jwksCooldownMs?: number;
}

/** Keycloak's JWKS endpoint for a realm issuer, unless configured explicitly. */
export function jwksUrlOf(issuer: string, explicit?: string): string {
  return explicit ?? `${issuer.replace(/\/+$/, '')}/protocol/openid-connect/certs`;
}

// jose 6 is ESM-only. It is loaded lazily through import(): run from sources (@swc-node/register) that stays a
// native dynamic import; the container build (tools/build) turns it into require(), which Node loads through
// require(esm) (Node >= 20.19, the engines floor). Jest transforms it to CommonJS (jest.preset.js), so the
// checks below are unit-tested (jwt-verifier.spec.ts) and again against the gateway process (gateway.int-spec.ts).
type Jose = typeof import('jose');
let josePromise: Promise<Jose> | undefined;
const loadJose = (): Promise<Jose> => (josePromise ??= import('jose'));

// Keycloak signs access tokens with RS256 by default; the list rules out `none` and HMAC confusion.
export const ALLOWED_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256'];

/** Clock skew accepted on exp/nbf/iat, whatever the configuration says: more would stretch token lifetimes. */
export const MAX_CLOCK_TOLERANCE_S = 60;

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
        cooldownDuration: options.jwksCooldownMs ?? 5_000,
        cacheMaxAge: 10 * 60_000,
      });
      const tolerance = Math.min(Math.max(options.clockToleranceS, 0), MAX_CLOCK_TOLERANCE_S);
      try {
        const { payload } = await jose.jwtVerify(token, jwks, {
          issuer: options.issuer,
          audience: options.audience,
          algorithms: ALLOWED_ALGORITHMS,
          clockTolerance: tolerance,
          requiredClaims: ['exp', 'iat', 'sub'],
        });
        // Keycloak marks its tokens with `typ`: an ID or refresh token is not an access token, even when its
        // audience happens to match.
        if (payload.typ !== undefined && payload.typ !== 'Bearer')
          throw new TokenRejectedError(`not an access token (typ ${String(payload.typ)})`);
        // jose checks iat only against a maximum age; a token "issued" in the future is a forgery or a broken clock.
        if (typeof payload.iat === 'number' && payload.iat > Date.now() / 1000 + tolerance)
          throw new TokenRejectedError('ERR_JWT_CLAIM_VALIDATION_FAILED: "iat" is in the future');
        return payload;
      } catch (error: unknown) {
        if (error instanceof TokenRejectedError) throw error;
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
    return new TokenRejectedError(`${code}: ${reason}`, code === 'ERR_JWT_EXPIRED' ? 'expired' : 'invalid');
  return new TokenVerificationUnavailableError(reason);
}
