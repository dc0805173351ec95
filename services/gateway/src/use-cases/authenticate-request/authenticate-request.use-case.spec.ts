import type { JWTPayload } from 'jose';
import type { ApiTokenVerifier, VerifiedApiToken } from '../../auth/api-token-verifier';
import {
  AccessTokenVerifier,
  TokenRejectedError,
  TokenVerificationUnavailableError,
} from '../../auth/jwt-verifier';
import { GatewayErrorCode, GatewayException } from '../../gateway.exception';
import { AuthenticateRequestUseCase } from './authenticate-request.use-case';

const TOKEN = 'aaa.bbb.ccc';
const API_TOKEN = `dmt_${'0f'.repeat(16)}_${'A'.repeat(43)}`;
const NOW = Date.parse('2026-12-01T10:00:00Z');

/** A verifier that accepts exactly one token, as Keycloak's keys would. */
function verifierAccepting(token: string, claims: JWTPayload): AccessTokenVerifier {
  return {
    verify: async (candidate) => {
      if (candidate !== token) throw new TokenRejectedError('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
      return claims;
    },
  };
}

function apiTokensAccepting(token: string, verified: VerifiedApiToken): ApiTokenVerifier {
  return {
    verify: async (candidate) => {
      if (candidate !== token) throw new TokenRejectedError('unknown API token');
      return verified;
    },
  };
}

const refusingApiTokens: ApiTokenVerifier = {
  verify: async () => {
    throw new TokenRejectedError('unknown API token');
  },
};

async function failure(promise: Promise<unknown>): Promise<GatewayException> {
  try {
    await promise;
  } catch (error: unknown) {
    if (error instanceof GatewayException) return error;
    throw error;
  }
  throw new Error('expected a GatewayException');
}

const input = (authorization: string | undefined, isPublic = false) => ({
  authorization,
  isPublic,
  clientIp: '203.0.113.7',
  nowMs: NOW,
});

describe(AuthenticateRequestUseCase.name, () => {
  const claims = {
    sub: 'kc-1',
    email: 'usager@demo.demarches.fr',
    realm_access: { roles: ['usager', 'offline_access'] },
  };
  const useCase = new AuthenticateRequestUseCase(verifierAccepting(TOKEN, claims), refusingApiTokens);

  it('returns the identity of a valid bearer token, marked as an OIDC sign-in', async () => {
    await expect(useCase.execute(input(`Bearer ${TOKEN}`))).resolves.toEqual({
      sub: 'kc-1',
      email: 'usager@demo.demarches.fr',
      roles: ['usager'],
      via: 'oidc',
    });
  });

  it('accepts the scheme in any case', async () => {
    await expect(useCase.execute(input(`bearer ${TOKEN}`))).resolves.toMatchObject({ sub: 'kc-1' });
  });

  it('lets an anonymous call through on a public route', async () => {
    await expect(useCase.execute(input(undefined, true))).resolves.toBeUndefined();
  });

  it('refuses an anonymous call on a protected route with UNAUTHENTICATED', async () => {
    const error = await failure(useCase.execute(input(undefined)));
    expect(error).toMatchObject({ code: GatewayErrorCode.Unauthenticated, status: 401 });
    expect(error.message).toContain('Authorization: Bearer');
  });

  it('refuses a malformed Authorization header', async () => {
    for (const authorization of ['Basic dXNlcjpwYXNz', TOKEN, 'Bearer', 'Bearer not-a-jwt']) {
      const error = await failure(useCase.execute(input(authorization)));
      expect(error).toMatchObject({
        code: GatewayErrorCode.Unauthenticated,
        details: { reason: 'malformed' },
      });
    }
  });

  it('refuses a rejected token even on a public route', async () => {
    const error = await failure(useCase.execute(input('Bearer x.y.z', true)));
    expect(error).toMatchObject({
      code: GatewayErrorCode.Unauthenticated,
      status: 401,
      message: 'Jeton invalide ou expiré.',
      details: { reason: 'invalid' },
    });
  });

  it('tells an expired token apart so the client refreshes it', async () => {
    const expiring = new AuthenticateRequestUseCase(
      {
        verify: async () => {
          throw new TokenRejectedError('ERR_JWT_EXPIRED: "exp" claim timestamp check failed', 'expired');
        },
      },
      refusingApiTokens,
    );
    expect(await failure(expiring.execute(input(`Bearer ${TOKEN}`)))).toMatchObject({
      status: 401,
      details: { reason: 'expired' },
    });
  });

  it('refuses a valid token without subject or e-mail', async () => {
    const anonymousToken = new AuthenticateRequestUseCase(
      verifierAccepting(TOKEN, { sub: 'kc-1' }),
      refusingApiTokens,
    );
    const error = await failure(anonymousToken.execute(input(`Bearer ${TOKEN}`)));
    expect(error.code).toBe(GatewayErrorCode.Unauthenticated);
  });

  it('answers 503 rather than 401 when the identity provider keys are unreachable', async () => {
    const down = new AuthenticateRequestUseCase(
      {
        verify: async () => {
          throw new TokenVerificationUnavailableError('fetch failed');
        },
      },
      refusingApiTokens,
    );
    const error = await failure(down.execute(input(`Bearer ${TOKEN}`)));
    expect(error).toMatchObject({ code: GatewayErrorCode.IdentityProviderUnavailable, status: 503 });
  });

  describe('API tokens', () => {
    const verified: VerifiedApiToken = {
      id: 'tok-1',
      owner: { sub: 'kc-admin', email: 'admin@demo.demarches.gouv.fr' },
      scope: ['d-1', 'd-2'],
      access: 'read',
      expiresAt: new Date(NOW + 86_400_000).toISOString(),
      allowedIps: [],
    };
    const withToken = (overrides: Partial<VerifiedApiToken> = {}) =>
      new AuthenticateRequestUseCase(
        verifierAccepting(TOKEN, claims),
        apiTokensAccepting(API_TOKEN, { ...verified, ...overrides }),
      );

    it('forwards the owner as administrateur with the token scope and access, in both header forms', async () => {
      const expected = {
        sub: 'kc-admin',
        email: 'admin@demo.demarches.gouv.fr',
        roles: ['administrateur'],
        via: 'api_token',
        token: { id: 'tok-1', scope: ['d-1', 'd-2'], access: 'read' },
      };
      await expect(withToken().execute(input(`Bearer ${API_TOKEN}`))).resolves.toEqual(expected);
      await expect(withToken().execute(input(`Bearer token=${API_TOKEN}`))).resolves.toEqual(expected);
    });

    it('refuses an unknown or revoked token', async () => {
      const other = `dmt_${'0e'.repeat(16)}_${'A'.repeat(43)}`;
      expect(await failure(withToken().execute(input(`Bearer ${other}`)))).toMatchObject({
        status: 401,
        details: { reason: 'invalid' },
      });
    });

    it('refuses a token past its expiry, even when identity answered from before', async () => {
      const expired = withToken({ expiresAt: new Date(NOW - 1000).toISOString() });
      expect(await failure(expired.execute(input(`Bearer ${API_TOKEN}`)))).toMatchObject({
        status: 401,
        details: { reason: 'expired' },
      });
    });

    it('accepts a token without expiry from an allowed IP, refuses it from anywhere else', async () => {
      const pinned = withToken({ expiresAt: null, allowedIps: ['203.0.113.0/24', '2001:db8::/32'] });
      await expect(pinned.execute(input(`Bearer ${API_TOKEN}`))).resolves.toMatchObject({ sub: 'kc-admin' });
      const elsewhere = await failure(
        pinned.execute({ ...input(`Bearer ${API_TOKEN}`), clientIp: '198.51.100.1' }),
      );
      expect(elsewhere).toMatchObject({ status: 401, details: { reason: 'ip_not_allowed' } });
    });

    it('answers 503 when identity cannot be asked', async () => {
      const down = new AuthenticateRequestUseCase(verifierAccepting(TOKEN, claims), {
        verify: async () => {
          throw new TokenVerificationUnavailableError('identity unreachable');
        },
      });
      expect(await failure(down.execute(input(`Bearer ${API_TOKEN}`)))).toMatchObject({ status: 503 });
    });
  });
});
