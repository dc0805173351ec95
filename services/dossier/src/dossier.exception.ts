import { DomainError, ErrorKind } from '@demarches/platform-errors';

export enum DossierErrorCode {
  DOSSIER_NOT_FOUND = 'DOSSIER_NOT_FOUND',
  DEMARCHE_NOT_FOUND = 'DEMARCHE_NOT_FOUND',
  DEMARCHE_CLOSE = 'DEMARCHE_CLOSE',
  DOSSIER_NOT_EDITABLE = 'DOSSIER_NOT_EDITABLE',
  DOSSIER_STALE = 'DOSSIER_STALE',
  DOSSIER_INCOMPLETE = 'DOSSIER_INCOMPLETE',
  CHAMP_UNKNOWN = 'CHAMP_UNKNOWN',
  CHAMP_INVALID = 'CHAMP_INVALID',
  TRANSITION_INTERDITE = 'TRANSITION_INTERDITE',
  MOTIVATION_REQUIRED = 'MOTIVATION_REQUIRED',
  NOT_INSTRUCTEUR = 'NOT_INSTRUCTEUR',
}

export class DossierException extends DomainError<DossierErrorCode> {
  constructor(code: DossierErrorCode, kind: ErrorKind, message: string, details?: Record<string, unknown>) {
    super(code, kind, message, details);
  }

  /** Same answer for a dossier that does not exist and one the caller may not see (no existence leak). */
  static notFound(dossierId: string): DossierException {
    return new DossierException(DossierErrorCode.DOSSIER_NOT_FOUND, 'not_found', "Ce dossier n'existe pas.", {
      dossierId,
    });
  }
}
