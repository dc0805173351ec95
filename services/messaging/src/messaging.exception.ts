import { DomainError, ErrorKind } from '@demarches/platform-errors';

export enum MessagingErrorCode {
  DOSSIER_NOT_FOUND = 'DOSSIER_NOT_FOUND',
  MESSAGERIE_FERMEE = 'MESSAGERIE_FERMEE',
  MESSAGE_INVALIDE = 'MESSAGE_INVALIDE',
}

export class MessagingException extends DomainError<MessagingErrorCode> {
  constructor(code: MessagingErrorCode, kind: ErrorKind, message: string, details?: Record<string, unknown>) {
    super(code, kind, message, details);
  }

  /** Same answer for an unknown dossier and for one the caller may not see: existence never leaks. */
  static dossierNotFound(dossierId: string): MessagingException {
    return new MessagingException(
      MessagingErrorCode.DOSSIER_NOT_FOUND,
      'not_found',
      "Ce dossier n'existe pas.",
      {
        dossierId,
      },
    );
  }

  static messagerieFermee(dossierId: string, reason: MessagerieFermeeReason): MessagingException {
    return new MessagingException(
      MessagingErrorCode.MESSAGERIE_FERMEE,
      'conflict',
      MESSAGES_FERMETURE[reason],
      {
        dossierId,
        reason,
      },
    );
  }

  static messageInvalide(message: string): MessagingException {
    return new MessagingException(MessagingErrorCode.MESSAGE_INVALIDE, 'invalid', message);
  }
}

export type MessagerieFermeeReason = 'brouillon' | 'decision' | 'archive';

const MESSAGES_FERMETURE: Record<MessagerieFermeeReason, string> = {
  brouillon: "La messagerie n'est pas encore ouverte : le dossier n'a pas été déposé.",
  decision: 'La messagerie est fermée : une décision a été rendue sur ce dossier.',
  archive: 'La messagerie est fermée : ce dossier a été archivé.',
};
