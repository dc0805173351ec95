import { DomainError, ErrorKind } from '@demarches/platform-errors';

export enum InstructionErrorCode {
  DOSSIER_NOT_FOUND = 'DOSSIER_NOT_FOUND',
  ONGLET_INCONNU = 'ONGLET_INCONNU',
}

export class InstructionException extends DomainError<InstructionErrorCode> {
  constructor(
    code: InstructionErrorCode,
    kind: ErrorKind,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(code, kind, message, details);
  }

  /** Same answer for an unknown dossier and one outside the instructeur's groupes (no existence leak). */
  static notFound(dossierId: string): InstructionException {
    return new InstructionException(
      InstructionErrorCode.DOSSIER_NOT_FOUND,
      'not_found',
      "Ce dossier n'existe pas.",
      {
        dossierId,
      },
    );
  }
}
