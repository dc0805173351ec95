import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { InternalIdentity } from '@demarches/platform-auth';
import {
  identityFromClaims,
  OPEN_SIGN_IN_POLICY,
  SIGN_IN_POLICY,
  SignInPolicy,
} from '../../auth/access-token-claims';
import { API_TOKEN_VERIFIER, ApiTokenVerifier, VerifiedApiToken } from '../../auth/api-token-verifier';
import { parseBearer } from '../../auth/bearer';
import { ipAllowed } from '../../auth/ip-allow-list';
import {
  ACCESS_TOKEN_VERIFIER,
  AccessTokenVerifier,
  TokenRejectedError,
  TokenVerificationUnavailableError,
} from '../../auth/jwt-verifier';
import { GatewayException } from '../../gateway.exception';

export interface AuthenticateRequestInput {
  /** The raw Authorization header, if any. */
  authorization: string | undefined;
  /** Whether the route may be called anonymously. */
  isPublic: boolean;
  /** The caller's address, for API tokens restricted to an IP allow-list. */
  clientIp: string;
  nowMs?: number;
}

/**
 * Who is calling: the identity from a valid Keycloak access token or API token (ADR 0018), or undefined for an
 * anonymous call to a public route. A credential that is present but invalid is refused even on public routes:
 * the client meant to be someone, and silently treating it as anonymous would hide its bug.
 */
@Injectable()
export class AuthenticateRequestUseCase {
  private readonly logger = new Logger(AuthenticateRequestUseCase.name);

  constructor(
    @Inject(ACCESS_TOKEN_VERIFIER) private readonly verifier: AccessTokenVerifier,
    @Inject(API_TOKEN_VERIFIER) private readonly apiTokens: ApiTokenVerifier,
    @Optional() @Inject(SIGN_IN_POLICY) private readonly policy: SignInPolicy = OPEN_SIGN_IN_POLICY,
  ) {}

  async execute({
    authorization,
    isPublic,
    clientIp,
    nowMs = Date.now(),
  }: AuthenticateRequestInput): Promise<InternalIdentity | undefined> {
    if (authorization === undefined || authorization.trim() === '') {
      if (isPublic) return undefined;
      throw GatewayException.unauthenticated(
        'Authentification requise : envoyez un jeton d’accès dans l’en-tête « Authorization: Bearer <jeton> ».',
      );
    }
    const credential = parseBearer(authorization);
    if (credential === undefined)
      throw GatewayException.unauthenticated(
        'En-tête Authorization invalide : attendu « Bearer <jeton> » ou « Bearer token=<jeton> ».',
        'malformed',
      );
    return credential.kind === 'api_token'
      ? this.apiToken(credential.token, clientIp, nowMs)
      : this.accessToken(credential.token);
  }

  private async accessToken(token: string): Promise<InternalIdentity> {
    let claims;
    try {
      claims = await this.verifier.verify(token);
    } catch (error: unknown) {
      throw this.refusal(error, 'access token');
    }
    const identity = identityFromClaims(claims, this.policy);
    if (!identity)
      throw GatewayException.unauthenticated(
        'Le jeton d’accès ne désigne aucun utilisateur (sujet ou e-mail manquant).',
        'invalid',
      );
    return { ...identity, via: 'oidc' };
  }

  private async apiToken(token: string, clientIp: string, nowMs: number): Promise<InternalIdentity> {
    let verified: VerifiedApiToken;
    try {
      verified = await this.apiTokens.verify(token, clientIp);
    } catch (error: unknown) {
      throw this.refusal(error, 'API token');
    }
    // Checked here on every request, cached answer or not: expiry is exact and the IP is the current caller's.
    if (verified.expiresAt !== null && Date.parse(verified.expiresAt) <= nowMs)
      throw GatewayException.unauthenticated('Jeton d’API expiré : créez-en un nouveau.', 'expired');
    if (verified.allowedIps.length > 0 && !ipAllowed(clientIp, verified.allowedIps))
      throw GatewayException.unauthenticated(
        'Ce jeton d’API n’est pas utilisable depuis votre adresse IP.',
        'ip_not_allowed',
      );
    const identity: InternalIdentity = {
      sub: verified.owner.sub,
      email: verified.owner.email,
      // A token acts for the administrateur on her démarches, never as usager or instructeur.
      roles: ['administrateur'],
      via: 'api_token',
      token: { id: verified.id, scope: verified.scope, access: verified.access },
    };
    if (verified.owner.name !== undefined) identity.name = verified.owner.name;
    return identity;
  }

  private refusal(error: unknown, what: string): GatewayException {
    if (error instanceof TokenVerificationUnavailableError) {
      this.logger.error({ reason: error.message, what }, 'token verification unavailable');
      return GatewayException.identityProviderUnavailable();
    }
    // The precise reason (audience, signature, issuer) is logged for operators, not told to the caller; only
    // "expired" is, so that a client knows to refresh.
    this.logger.debug({ reason: error instanceof Error ? error.message : 'unknown', what }, 'token rejected');
    const expired = error instanceof TokenRejectedError && error.reason === 'expired';
    return GatewayException.unauthenticated(
      expired ? 'Jeton expiré : renouvelez-le.' : 'Jeton invalide ou expiré.',
      expired ? 'expired' : 'invalid',
    );
  }
}
