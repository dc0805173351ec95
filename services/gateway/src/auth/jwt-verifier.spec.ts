import { forge, LocalIssuer, unsigned } from '../test/jwt-fixtures';
import { createJwtVerifier, TokenRejectedError, TokenVerificationUnavailableError } from './jwt-verifier';

// Tokens are signed here with keys the test owns; the JWKS is served by a loopback fake of Keycloak's endpoint.
describe(createJwtVerifier.name, () => {
  const issuer = new LocalIssuer();
  const now = () => Math.floor(Date.now() / 1000);
  const claims = (overrides: Record<string, unknown> = {}) => ({
    iss: issuer.url,
    aud: 'demarches-gateway',
    sub: 'kc-1',
    typ: 'Bearer',
    email: 'usager@demo.fr',
    iat: now(),
    exp: now() + 300,
    ...overrides,
  });
  const verifier = (clockToleranceS = 5, jwksCooldownMs?: number) =>
    createJwtVerifier({
      issuer: issuer.url,
      audience: 'demarches-gateway',
      jwksUrl: `${issuer.url}/jwks`,
      clockToleranceS,
      ...(jwksCooldownMs === undefined ? {} : { jwksCooldownMs }),
    });

  beforeAll(() => issuer.start());
  afterAll(() => issuer.stop());

  async function rejection(promise: Promise<unknown>): Promise<TokenRejectedError> {
    try {
      await promise;
    } catch (error: unknown) {
      if (error instanceof TokenRejectedError) return error;
      throw error;
    }
    throw new Error('expected the token to be rejected');
  }

  it('accepts a token signed by the issuer, for the audience, within its lifetime', async () => {
    await expect(verifier().verify(issuer.sign(claims()))).resolves.toMatchObject({ sub: 'kc-1' });
  });

  it.each<[string, () => string, string]>([
    [
      'forged (right kid, wrong key)',
      () => forge(claims(), issuer.kid),
      'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
    ],
    ['unsigned (alg=none)', () => unsigned(claims()), 'ERR_JOSE_ALG_NOT_ALLOWED'],
    [
      'HS256 keyed with the public key',
      () => issuer.signHs256WithPublicKey(claims()),
      'ERR_JOSE_ALG_NOT_ALLOWED',
    ],
    [
      'for another audience',
      () => issuer.sign(claims({ aud: 'another-client' })),
      'ERR_JWT_CLAIM_VALIDATION_FAILED',
    ],
    [
      'from another issuer',
      () => issuer.sign(claims({ iss: 'http://evil.example/realms/demarches' })),
      'ERR_JWT_CLAIM_VALIDATION_FAILED',
    ],
    [
      'not valid yet (nbf)',
      () => issuer.sign(claims({ nbf: now() + 600 })),
      'ERR_JWT_CLAIM_VALIDATION_FAILED',
    ],
    [
      'issued in the future (iat)',
      () => issuer.sign(claims({ iat: now() + 600 })),
      'ERR_JWT_CLAIM_VALIDATION_FAILED',
    ],
    ['without expiry', () => issuer.sign(claims({ exp: undefined })), 'ERR_JWT_CLAIM_VALIDATION_FAILED'],
    ['without subject', () => issuer.sign(claims({ sub: undefined })), 'ERR_JWT_CLAIM_VALIDATION_FAILED'],
    ['that is an ID token', () => issuer.sign(claims({ typ: 'ID' })), 'not an access token'],
    ['with a tampered payload', () => tamper(issuer.sign(claims())), 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED'],
    [
      'signed under an unknown kid',
      () => issuer.sign(claims(), { kid: 'nobody' }),
      'ERR_JWKS_NO_MATCHING_KEY',
    ],
    ['that is not a JWT', () => 'a.b.c', 'ERR_J'],
  ])('refuses a token %s', async (_case, token, code) => {
    const error = await rejection(verifier().verify(token()));
    expect(error.message).toContain(code);
    expect(error.reason).toBe('invalid');
  });

  it('refuses an expired token and says so', async () => {
    const error = await rejection(
      verifier().verify(issuer.sign(claims({ exp: now() - 60, iat: now() - 400 }))),
    );
    expect(error.message).toContain('ERR_JWT_EXPIRED');
    expect(error.reason).toBe('expired');
  });

  it('tolerates a few seconds of clock skew, and never more than a minute whatever the setting', async () => {
    await expect(verifier(5).verify(issuer.sign(claims({ exp: now() - 2 })))).resolves.toBeDefined();
    expect((await rejection(verifier(5).verify(issuer.sign(claims({ exp: now() - 30 }))))).reason).toBe(
      'expired',
    );
    const lenient = verifier(300);
    await expect(lenient.verify(issuer.sign(claims({ exp: now() - 30 })))).resolves.toBeDefined();
    expect((await rejection(lenient.verify(issuer.sign(claims({ exp: now() - 120 }))))).reason).toBe(
      'expired',
    );
  });

  it('caches the keys, and refetches them once when a token names a new kid (key rotation)', async () => {
    // No cooldown here so the test needs no waiting; in production a few seconds separate two fetches.
    const cached = verifier(5, 0);
    const before = issuer.jwksFetches;
    await cached.verify(issuer.sign(claims()));
    await cached.verify(issuer.sign(claims()));
    await cached.verify(issuer.sign(claims()));
    expect(issuer.jwksFetches - before).toBe(1);

    issuer.rotate('test-key-2');
    await expect(cached.verify(issuer.sign(claims()))).resolves.toMatchObject({ sub: 'kc-1' });
    expect(issuer.jwksFetches - before).toBe(2);
  });

  it('reports unreachable keys as unavailable, not as a bad token', async () => {
    const nowhere = createJwtVerifier({
      issuer: issuer.url,
      audience: 'demarches-gateway',
      jwksUrl: 'http://127.0.0.1:9/jwks',
      clockToleranceS: 5,
    });
    await expect(nowhere.verify(issuer.sign(claims()))).rejects.toBeInstanceOf(
      TokenVerificationUnavailableError,
    );
  });
});

function tamper(token: string): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  const escalated = Buffer.from(JSON.stringify({ ...claims, sub: 'kc-admin' })).toString('base64url');
  return `${header}.${escalated}.${signature}`;
}
