import { DomainError, ErrorKind } from '@demarches/platform-errors';

export enum DemarcheErrorCode {
  DEMARCHE_NOT_FOUND = 'DEMARCHE_NOT_FOUND',
  DEMARCHE_FROZEN = 'DEMARCHE_FROZEN',
  DEMARCHE_ALREADY_PUBLISHED = 'DEMARCHE_ALREADY_PUBLISHED',
  DEMARCHE_INCOMPLETE = 'DEMARCHE_INCOMPLETE',
  CHAMP_INVALID = 'CHAMP_INVALID',
  CHAMP_NOT_FOUND = 'CHAMP_NOT_FOUND',
  /** A bloc répétable cannot contain another one. */
  REPETITION_NESTED = 'REPETITION_NESTED',
  /** A champ of the published revision cannot move into or out of a bloc répétable (reordering is allowed). */
  CHAMP_PUBLIE_DEPLACEMENT = 'CHAMP_PUBLIE_DEPLACEMENT',
  /** A setting the champ's type does not know (details.key names it). */
  CHAMP_SETTING_UNKNOWN = 'CHAMP_SETTING_UNKNOWN',
  /** A setting with a value its type refuses (details.key, details.reason). */
  CHAMP_SETTING_INVALID = 'CHAMP_SETTING_INVALID',
  SLUG_INVALID = 'SLUG_INVALID',
  SLUG_TAKEN = 'SLUG_TAKEN',
  MAIL_TEMPLATE_INVALID = 'MAIL_TEMPLATE_INVALID',
  MAIL_KIND_NOT_FOUND = 'MAIL_KIND_NOT_FOUND',
  DESCRIPTION_INVALID = 'DESCRIPTION_INVALID',
  FICHIER_INVALID = 'FICHIER_INVALID',
  TRANSITION_INVALID = 'TRANSITION_INVALID',
  DERNIER_ADMINISTRATEUR = 'DERNIER_ADMINISTRATEUR',
  REVISION_UNCHANGED = 'REVISION_UNCHANGED',
  CONDITION_INVALID = 'CONDITION_INVALID',
  CHAMP_DEPENDANCE = 'CHAMP_DEPENDANCE',
  GROUPE_NOT_FOUND = 'GROUPE_NOT_FOUND',
  GROUPE_INVALID = 'GROUPE_INVALID',
  GROUPE_CONFLICT = 'GROUPE_CONFLICT',
  INSTRUCTEUR_NOT_FOUND = 'INSTRUCTEUR_NOT_FOUND',
  ROUTAGE_INVALID = 'ROUTAGE_INVALID',
  ATTESTATION_INVALID = 'ATTESTATION_INVALID',
}

export class DemarcheException extends DomainError<DemarcheErrorCode> {
  constructor(code: DemarcheErrorCode, kind: ErrorKind, message: string, details?: Record<string, unknown>) {
    super(code, kind, message, details);
  }

  static notFound(demarcheId: string): DemarcheException {
    return new DemarcheException(
      DemarcheErrorCode.DEMARCHE_NOT_FOUND,
      'not_found',
      "Cette démarche n'existe pas.",
      {
        demarcheId,
      },
    );
  }
}
