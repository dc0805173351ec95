import { DomainError } from '@demarches/platform-errors';

export enum AuthErrorCode {
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
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
}
