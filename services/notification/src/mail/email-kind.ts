import { DossierState } from '@demarches/contracts';

/**
 * The automatic e-mails an usager receives (seed: "3 types d'e-mails sont envoyés automatiquement"):
 * accusé de réception at dépôt, accusé de passage en instruction, then the decision.
 * The values are the `template` names carried by EmailDelivered / EmailFailed.
 */
export enum EmailKind {
  AccuseReception = 'dossier_depose',
  PassageEnInstruction = 'dossier_en_instruction',
  Acceptation = 'dossier_accepte',
  Refus = 'dossier_refuse',
  ClassementSansSuite = 'dossier_sans_suite',
}

/**
 * Which e-mail a move into `state` triggers. Moves that send nothing (back to en construction, brouillon) map to null;
 * the dépôt itself is announced by DossierDeposited, not by a state change.
 */
export function emailKindForState(state: DossierState): EmailKind | null {
  switch (state) {
    case DossierState.EN_INSTRUCTION:
      return EmailKind.PassageEnInstruction;
    case DossierState.ACCEPTE:
      return EmailKind.Acceptation;
    case DossierState.REFUSE:
      return EmailKind.Refus;
    case DossierState.SANS_SUITE:
      return EmailKind.ClassementSansSuite;
    default:
      return null;
  }
}
