import { DomainError, ErrorKind } from '@demarches/platform-errors';

export enum GatewayErrorCode {
  Unauthenticated = 'UNAUTHENTICATED',
  RateLimited = 'RATE_LIMITED',
  UpstreamUnavailable = 'UPSTREAM_UNAVAILABLE',
  UpstreamTimeout = 'UPSTREAM_TIMEOUT',
  RouteNotFound = 'ROUTE_NOT_FOUND',
  InvalidPath = 'INVALID_PATH',
  IdentityProviderUnavailable = 'IDENTITY_PROVIDER_UNAVAILABLE',
}

export type UnauthenticatedReason = 'malformed' | 'invalid' | 'expired' | 'ip_not_allowed';

/**
 * Errors the gateway answers itself. The proxy writes them on the raw response, so each carries its HTTP
 * status (429, 502 and 504 have no ErrorKind of their own).
 */
export class GatewayException extends DomainError<GatewayErrorCode> {
  constructor(
    code: GatewayErrorCode,
    kind: ErrorKind,
    readonly status: number,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(code, kind, message, details);
  }

  /**
   * 401. `reason` (when a credential was presented) lets a client tell "refresh your token" from "this token is
   * no good"; it never says which check failed beyond that.
   */
  static unauthenticated(message: string, reason?: UnauthenticatedReason): GatewayException {
    return new GatewayException(
      GatewayErrorCode.Unauthenticated,
      'unauthenticated',
      401,
      message,
      reason === undefined ? undefined : { reason },
    );
  }

  static rateLimited(retryAfterS: number): GatewayException {
    return new GatewayException(
      GatewayErrorCode.RateLimited,
      'unavailable',
      429,
      `Trop de requêtes. Réessayez dans ${retryAfterS} s.`,
      { retryAfterS },
    );
  }

  static upstreamUnavailable(service: string): GatewayException {
    return new GatewayException(
      GatewayErrorCode.UpstreamUnavailable,
      'unavailable',
      502,
      'Le service est momentanément indisponible. Réessayez plus tard.',
      { service },
    );
  }

  static upstreamTimeout(service: string): GatewayException {
    return new GatewayException(
      GatewayErrorCode.UpstreamTimeout,
      'unavailable',
      504,
      "Le service n'a pas répondu à temps. Réessayez plus tard.",
      { service },
    );
  }

  static identityProviderUnavailable(): GatewayException {
    return new GatewayException(
      GatewayErrorCode.IdentityProviderUnavailable,
      'unavailable',
      503,
      "Le service d'authentification est momentanément indisponible. Réessayez plus tard.",
    );
  }

  static routeNotFound(): GatewayException {
    return new GatewayException(
      GatewayErrorCode.RouteNotFound,
      'not_found',
      404,
      "Cette adresse n'existe pas.",
    );
  }

  static invalidPath(): GatewayException {
    return new GatewayException(
      GatewayErrorCode.InvalidPath,
      'invalid',
      400,
      "L'adresse demandée est invalide.",
    );
  }
}
