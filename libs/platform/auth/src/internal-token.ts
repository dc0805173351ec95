import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { AuthException } from './auth.errors';
import {
  INTERNAL_TOKEN_AUDIENCE,
  INTERNAL_TOKEN_ISSUER,
  INTERNAL_TOKEN_TTL_S,
  InternalIdentity,
  MIN_SECRET_LENGTH,
  ROLES,
} from './identity';

// HS256 with node:crypto rather than jose: jose 6 is ESM-only and this one algorithm is a dozen lines.
const HEADER = { alg: 'HS256', typ: 'JWT' } as const;
const ENCODED_HEADER = base64url(JSON.stringify(HEADER));

const claimsSchema = z.object({
  iss: z.literal(INTERNAL_TOKEN_ISSUER),
  aud: z.literal(INTERNAL_TOKEN_AUDIENCE),
  iat: z.number().int(),
  exp: z.number().int(),
  sub: z.string().min(1),
  email: z.string().min(1),
  roles: z.array(z.enum(ROLES)),
  name: z.string().optional(),
  via: z.enum(['oidc', 'api_token']).optional(),
  token: z
    .object({
      id: z.string().min(1),
      scope: z.union([z.literal('all'), z.array(z.string().min(1))]),
      access: z.enum(['read', 'read_write']),
    })
    .strict()
    .optional(),
  idp: z.string().min(1).optional(),
  acr: z.string().min(1).optional(),
  franceConnect: z
    .object({
      givenName: z.string().min(1),
      familyName: z.string().min(1),
      gender: z.string().min(1).optional(),
    })
    .strict()
    .optional(),
});

export interface SignOptions {
  /** Seconds since epoch; tests pin it. */
  now?: number;
  ttlSeconds?: number;
}

export interface VerifyOptions {
  now?: number;
  /** Allowed clock skew between gateway and service pods. */
  clockToleranceS?: number;
}

/** Gateway side: the identity the gateway vouches for, valid 60 s, for services only. */
export function signInternalIdentity(
  identity: InternalIdentity,
  secret: string,
  options: SignOptions = {},
): string {
  assertSecret(secret);
  const iat = options.now ?? nowSeconds();
  const claims = {
    iss: INTERNAL_TOKEN_ISSUER,
    aud: INTERNAL_TOKEN_AUDIENCE,
    iat,
    exp: iat + (options.ttlSeconds ?? INTERNAL_TOKEN_TTL_S),
    sub: identity.sub,
    email: identity.email,
    roles: identity.roles,
    ...(identity.name !== undefined ? { name: identity.name } : {}),
    ...(identity.via !== undefined ? { via: identity.via } : {}),
    ...(identity.token !== undefined ? { token: identity.token } : {}),
    ...(identity.idp !== undefined ? { idp: identity.idp } : {}),
    ...(identity.acr !== undefined ? { acr: identity.acr } : {}),
    ...(identity.franceConnect !== undefined ? { franceConnect: identity.franceConnect } : {}),
  };
  const signingInput = `${ENCODED_HEADER}.${base64url(JSON.stringify(claims))}`;
  return `${signingInput}.${sign(signingInput, secret)}`;
}

/** Service side: the identity, or AuthException UNAUTHENTICATED for anything not signed by the gateway now. */
export function verifyInternalIdentity(
  token: string,
  secret: string,
  options: VerifyOptions = {},
): InternalIdentity {
  assertSecret(secret);
  const parts = token.split('.');
  if (parts.length !== 3) throw AuthException.unauthenticated();
  const [encodedHeader, encodedClaims, signature] = parts as [string, string, string];
  // Only our exact header is accepted: this rules out alg=none and algorithm-confusion tricks.
  if (encodedHeader !== ENCODED_HEADER) throw AuthException.unauthenticated();
  const expected = Buffer.from(sign(`${encodedHeader}.${encodedClaims}`, secret));
  const actual = Buffer.from(signature);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected))
    throw AuthException.unauthenticated();
  const claims = claimsSchema.safeParse(parseJson(Buffer.from(encodedClaims, 'base64url').toString('utf8')));
  if (!claims.success) throw AuthException.unauthenticated();
  const now = options.now ?? nowSeconds();
  const tolerance = options.clockToleranceS ?? 5;
  const { exp, iat, sub, email, roles, name, via, token: grant, idp, acr, franceConnect } = claims.data;
  if (now > exp + tolerance || iat > now + tolerance) throw AuthException.unauthenticated();
  // An API token identity without its grant would escape scope and access checks: refuse it outright.
  if ((via === 'api_token') !== (grant !== undefined)) throw AuthException.unauthenticated();
  const identity: InternalIdentity = { sub, email, roles };
  if (name !== undefined) identity.name = name;
  if (via !== undefined) identity.via = via;
  if (grant !== undefined) identity.token = grant;
  if (idp !== undefined) identity.idp = idp;
  if (acr !== undefined) identity.acr = acr;
  if (franceConnect !== undefined) {
    identity.franceConnect = { givenName: franceConnect.givenName, familyName: franceConnect.familyName };
    if (franceConnect.gender !== undefined) identity.franceConnect.gender = franceConnect.gender;
  }
  return identity;
}

function sign(input: string, secret: string): string {
  return createHmac('sha256', secret).update(input).digest('base64url');
}

function base64url(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64url');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

function assertSecret(secret: string): void {
  // A programming/config error, not a caller error: fail loudly rather than accept weak signatures.
  if (secret.length < MIN_SECRET_LENGTH)
    throw new Error(`internal token secret must be at least ${MIN_SECRET_LENGTH} characters`);
}
