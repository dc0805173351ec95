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
  // Pièces justificatives (services/dossier/src/pieces-jointes) and deadlines (services/dossier/src/echeances).
  PIECE_JOINTE_NOT_FOUND = 'PIECE_JOINTE_NOT_FOUND',
  PIECE_JOINTE_TOO_LARGE = 'PIECE_JOINTE_TOO_LARGE',
  PIECE_JOINTE_FORMAT_REFUSED = 'PIECE_JOINTE_FORMAT_REFUSED',
  PIECE_JOINTE_CONTENT_MISMATCH = 'PIECE_JOINTE_CONTENT_MISMATCH',
  PIECE_JOINTE_UPLOAD_INCOMPLETE = 'PIECE_JOINTE_UPLOAD_INCOMPLETE',
  CHAMP_NOT_PIECE_JUSTIFICATIVE = 'CHAMP_NOT_PIECE_JUSTIFICATIVE',
  MODELE_NOT_FOUND = 'MODELE_NOT_FOUND',
  DATE_LIMITE_DEPASSEE = 'DATE_LIMITE_DEPASSEE',
  DOSSIER_NOT_DEPOSITED = 'DOSSIER_NOT_DEPOSITED',
  ACTION_NON_AUTORISEE = 'ACTION_NON_AUTORISEE',
  DEMARCHE_DEPUBLIEE = 'DEMARCHE_DEPUBLIEE',
  SIRET_INVALIDE = 'SIRET_INVALIDE',
  ETABLISSEMENT_INCONNU = 'ETABLISSEMENT_INCONNU',
  IDENTITE_INCOMPATIBLE = 'IDENTITE_INCOMPATIBLE',
  IDENTITE_A_CONFIRMER = 'IDENTITE_A_CONFIRMER',
  INVITATION_INVALIDE = 'INVITATION_INVALIDE',
  INVITATION_INCONNUE = 'INVITATION_INCONNUE',
  // Champ values checked by geo (services/dossier/src/geo): geo did not answer in time.
  GEO_UNAVAILABLE = 'GEO_UNAVAILABLE',
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
