import { DomainError, ErrorKind } from '@demarches/platform-errors';

export enum IdentityErrorCode {
  UserRecordConflict = 'USER_RECORD_CONFLICT',
}

export class IdentityException extends DomainError<IdentityErrorCode> {
  constructor(code: IdentityErrorCode, kind: ErrorKind, message: string, details?: Record<string, unknown>) {
    super(code, kind, message, details);
  }

  /** The user's record kept changing under concurrent first sign-ins; the client may simply retry. */
  static userRecordConflict(): IdentityException {
    return new IdentityException(
      IdentityErrorCode.UserRecordConflict,
      'conflict',
      'Votre compte est en cours de création. Réessayez dans un instant.',
    );
  }
}
