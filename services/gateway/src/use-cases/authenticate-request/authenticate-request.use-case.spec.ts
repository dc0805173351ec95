import type { JWTPayload } from 'jose';
import {
  AccessTokenVerifier,
  TokenRejectedError,
  TokenVerificationUnavailableError,
} from '../../auth/jwt-verifier';
import { GatewayErrorCode, GatewayException } from '../../gateway.exception';
import { AuthenticateRequestUseCase } from './authenticate-request.use-case';

const TOKEN = 'aaa.bbb.ccc';

/** A verifier that accepts exactly one token, as Keycloak's keys would. */
function verifierAccepting(token: string, claims: JWTPayload): AccessTokenVerifier {
  return {
    verify: async (candidate) => {
      if (candidate !== token) throw new TokenRejectedError('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
      return claims;
    },
  };
}

async function failure(promise: Promise<unknown>): Promise<GatewayException> {
  try {
    await promise;
  } catch (error: unknown) {
    if (error instanceof GatewayException) return error;
    throw error;
  }
  throw new Error('expected a GatewayException');
}

describe(AuthenticateRequestUseCase.name, () => {
  const claims = {
    sub: 'kc-1',
    email: 'usager@demo.demarches.fr',
    realm_access: { roles: ['usager', 'offline_access'] },
  };
  const useCase = new AuthenticateRequestUseCase(verifierAccepting(TOKEN, claims));

  it('returns the identity of a valid bearer token', async () => {
    await expect(useCase.execute({ authorization: `Bearer ${TOKEN}`, isPublic: false })).resolves.toEqual({
      sub: 'kc-1',
      email: 'usager@demo.demarches.fr',
      roles: ['usager'],
    });
  });

  it('accepts the scheme in any case', async () => {
    await expect(
      useCase.execute({ authorization: `bearer ${TOKEN}`, isPublic: false }),
    ).resolves.toMatchObject({ sub: 'kc-1' });
  });

  it('lets an anonymous call through on a public route', async () => {
    await expect(useCase.execute({ authorization: undefined, isPublic: true })).resolves.toBeUndefined();
  });

  it('refuses an anonymous call on a protected route with UNAUTHENTICATED', async () => {
    const error = await failure(useCase.execute({ authorization: undefined, isPublic: false }));
    expect(error).toMatchObject({ code: GatewayErrorCode.Unauthenticated, status: 401 });
    expect(error.message).toContain('Authorization: Bearer');
  });

  it('refuses a malformed Authorization header', async () => {
    for (const authorization of ['Basic dXNlcjpwYXNz', TOKEN, 'Bearer', 'Bearer not-a-jwt']) {
      const error = await failure(useCase.execute({ authorization, isPublic: false }));
      expect(error.code).toBe(GatewayErrorCode.Unauthenticated);
    }
  });

  it('refuses a rejected token even on a public route', async () => {
    const error = await failure(useCase.execute({ authorization: 'Bearer x.y.z', isPublic: true }));
    expect(error).toMatchObject({
      code: GatewayErrorCode.Unauthenticated,
      status: 401,
      message: 'Jeton d’accès invalide ou expiré.',
    });
  });

  it('refuses a valid token without subject or e-mail', async () => {
    const anonymousToken = new AuthenticateRequestUseCase(verifierAccepting(TOKEN, { sub: 'kc-1' }));
    const error = await failure(
      anonymousToken.execute({ authorization: `Bearer ${TOKEN}`, isPublic: false }),
    );
    expect(error.code).toBe(GatewayErrorCode.Unauthenticated);
  });

  it('answers 503 rather than 401 when the identity provider keys are unreachable', async () => {
    const down = new AuthenticateRequestUseCase({
      verify: async () => {
        throw new TokenVerificationUnavailableError('fetch failed');
      },
    });
    const error = await failure(down.execute({ authorization: `Bearer ${TOKEN}`, isPublic: false }));
    expect(error).toMatchObject({ code: GatewayErrorCode.IdentityProviderUnavailable, status: 503 });
  });
});
