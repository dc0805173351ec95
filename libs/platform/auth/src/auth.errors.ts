import { DomainError } from '@demarches/platform-errors';

export enum AuthErrorCode {
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  ApiTokenNotAccepted = 'API_TOKEN_NOT_ACCEPTED',
  ApiTokenReadOnly = 'API_TOKEN_READ_ONLY',
  NotFound = 'NOT_FOUND',
}

export class AuthException extends DomainError<AuthErrorCode> {
  static unauthenticated(): AuthException {
    // Same message whatever failed: a caller probing tokens learns nothing about why.
    return new AuthException(AuthErrorCode.Unauthenticated, 'unauthenticated', 'Authentification requise.');
  }

  static forbidden(): AuthException {
    return new AuthException(
      AuthErrorCode.Forbidden,
      'forbidden',
      "Vous n'avez pas accès à cette ressource.",
    );
  }

  /** The route is not part of the API offered to API tokens (ADR 0018): sign in instead. */
  static apiTokenNotAccepted(): AuthException {
    return new AuthException(
      AuthErrorCode.ApiTokenNotAccepted,
      'forbidden',
      "Cette adresse n'accepte pas les jetons d'API : connectez-vous avec votre compte.",
    );
  }

  /** Outside an API token's scope: the answer given for something that does not exist. */
  static notFound(): AuthException {
    return new AuthException(AuthErrorCode.NotFound, 'not_found', "Cette ressource n'existe pas.");
  }

  static apiTokenReadOnly(): AuthException {
    return new AuthException(
      AuthErrorCode.ApiTokenReadOnly,
      'forbidden',
      "Ce jeton d'API est en lecture seule : créez un jeton en lecture et écriture pour modifier des données.",
    );
  }
}
