import { DomainError, ErrorKind } from '@demarches/platform-errors';

export enum IdentityErrorCode {
  UserRecordConflict = 'USER_RECORD_CONFLICT',
  UserNotFound = 'USER_NOT_FOUND',
  AgentEmailChangeForbidden = 'AGENT_EMAIL_CHANGE_FORBIDDEN',
  EmailAlreadyUsed = 'EMAIL_ALREADY_USED',
  AccountHasDossierEnInstruction = 'ACCOUNT_HAS_DOSSIER_EN_INSTRUCTION',
  AgentDeletionForbidden = 'AGENT_DELETION_FORBIDDEN',
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

  static userNotFound(): IdentityException {
    return new IdentityException(IdentityErrorCode.UserNotFound, 'not_found', 'Utilisateur introuvable.');
  }

  /** Reference rule: an agent's e-mail is her professional address, changed only by support. */
  static agentEmailChangeForbidden(): IdentityException {
    return new IdentityException(
      IdentityErrorCode.AgentEmailChangeForbidden,
      'forbidden',
      'Les agents (administrateurs, instructeurs, experts) ne peuvent pas changer leur adresse e-mail : contactez le support.',
    );
  }

  static emailAlreadyUsed(): IdentityException {
    return new IdentityException(
      IdentityErrorCode.EmailAlreadyUsed,
      'conflict',
      'Un compte utilise déjà cette adresse e-mail.',
    );
  }

  /** CGU: an account cannot be deleted while one of its dossiers is being examined. */
  static accountHasDossierEnInstruction(count: number): IdentityException {
    return new IdentityException(
      IdentityErrorCode.AccountHasDossierEnInstruction,
      'conflict',
      'Votre compte ne peut pas être supprimé tant qu’un de vos dossiers est en instruction. Attendez la décision.',
      { dossiersEnInstruction: count },
    );
  }

  static agentDeletionForbidden(): IdentityException {
    return new IdentityException(
      IdentityErrorCode.AgentDeletionForbidden,
      'forbidden',
      'Un compte agent ne se supprime pas lui-même : demandez à un administrateur de la plateforme.',
    );
  }
}
