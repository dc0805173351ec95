import { DomainError, ErrorKind } from '@demarches/platform-errors';

export enum ApiTokenErrorCode {
  NotFound = 'API_TOKEN_NOT_FOUND',
  Invalid = 'API_TOKEN_INVALID',
  ExpiryRequired = 'API_TOKEN_EXPIRY_REQUIRED',
  LifetimeTooLong = 'API_TOKEN_LIFETIME_TOO_LONG',
  InvalidIp = 'API_TOKEN_INVALID_IP',
}

export class ApiTokenException extends DomainError<ApiTokenErrorCode> {
  constructor(code: ApiTokenErrorCode, kind: ErrorKind, message: string, details?: Record<string, unknown>) {
    super(code, kind, message, details);
  }

  static notFound(id: string): ApiTokenException {
    return new ApiTokenException(ApiTokenErrorCode.NotFound, 'not_found', "Ce jeton d'API n'existe pas.", {
      id,
    });
  }

  /** Unknown, wrong secret, revoked or expired: the caller learns nothing more. */
  static invalid(): ApiTokenException {
    return new ApiTokenException(
      ApiTokenErrorCode.Invalid,
      'unauthenticated',
      "Jeton d'API invalide ou expiré.",
    );
  }

  static expiryRequired(): ApiTokenException {
    return new ApiTokenException(
      ApiTokenErrorCode.ExpiryRequired,
      'invalid',
      "Un jeton sans date d'expiration doit être limité à une liste d'adresses IP : ajoutez-en une ou choisissez une durée.",
    );
  }

  static lifetimeTooLong(maxDays: number): ApiTokenException {
    return new ApiTokenException(
      ApiTokenErrorCode.LifetimeTooLong,
      'invalid',
      `La durée de validité d'un jeton ne peut pas dépasser un an (${maxDays} jours).`,
      { maxDays },
    );
  }

  static invalidIp(entry: string): ApiTokenException {
    return new ApiTokenException(
      ApiTokenErrorCode.InvalidIp,
      'invalid',
      `« ${entry} » n'est ni une adresse IP ni une plage CIDR (ex. 203.0.113.0/24 ou 2001:db8::/32).`,
      { entry },
    );
  }
}
