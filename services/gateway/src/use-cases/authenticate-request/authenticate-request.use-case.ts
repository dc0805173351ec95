import { Inject, Injectable, Logger } from '@nestjs/common';
import type { InternalIdentity } from '@demarches/platform-auth';
import { identityFromClaims } from '../../auth/access-token-claims';
import {
  ACCESS_TOKEN_VERIFIER,
  AccessTokenVerifier,
  TokenVerificationUnavailableError,
} from '../../auth/jwt-verifier';
import { GatewayException } from '../../gateway.exception';

export interface AuthenticateRequestInput {
  /** The raw Authorization header, if any. */
  authorization: string | undefined;
  /** Whether the route may be called anonymously. */
  isPublic: boolean;
}

const BEARER = /^Bearer[ ]+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)[ ]*$/i;

/**
 * Who is calling: the identity from a valid bearer token, or undefined for an anonymous call to a public route.
 * A token that is present but invalid is refused even on public routes: the client meant to be someone, and
 * silently treating it as anonymous would hide its bug.
 */
@Injectable()
export class AuthenticateRequestUseCase {
  private readonly logger = new Logger(AuthenticateRequestUseCase.name);

  constructor(@Inject(ACCESS_TOKEN_VERIFIER) private readonly verifier: AccessTokenVerifier) {}

  async execute({
    authorization,
    isPublic,
  }: AuthenticateRequestInput): Promise<InternalIdentity | undefined> {
    if (authorization === undefined || authorization.trim() === '') {
      if (isPublic) return undefined;
      throw GatewayException.unauthenticated(
        'Authentification requise : envoyez un jeton d’accès dans l’en-tête « Authorization: Bearer <jeton> ».',
      );
    }
    const token = BEARER.exec(authorization)?.[1];
    if (token === undefined)
      throw GatewayException.unauthenticated('En-tête Authorization invalide : attendu « Bearer <jeton> ».');

    let claims;
    try {
      claims = await this.verifier.verify(token);
    } catch (error: unknown) {
      if (error instanceof TokenVerificationUnavailableError) {
        this.logger.error({ reason: error.message }, 'identity provider keys unreachable');
        throw GatewayException.identityProviderUnavailable();
      }
      // The reason (expired, wrong audience, bad signature) is logged for operators, not told to the caller.
      this.logger.debug(
        { reason: error instanceof Error ? error.message : 'unknown' },
        'access token rejected',
      );
      throw GatewayException.unauthenticated('Jeton d’accès invalide ou expiré.');
    }
    const identity = identityFromClaims(claims);
    if (!identity)
      throw GatewayException.unauthenticated(
        'Le jeton d’accès ne désigne aucun utilisateur (sujet ou e-mail manquant).',
      );
    return identity;
  }
}
