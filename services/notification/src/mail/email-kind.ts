/**
 * The automatic e-mails an usager receives (seed: "3 types d'e-mails sont envoyés automatiquement"):
 * accusé de réception at dépôt, accusé de passage en instruction, then the decision.
 */
export enum EmailKind {
  AccuseReception = 'accuse_reception',
  PassageEnInstruction = 'passage_en_instruction',
  Acceptation = 'acceptation',
  Refus = 'refus',
  ClassementSansSuite = 'classement_sans_suite',
}

/** Dossier states as the dossier service publishes them. */
export type DossierState = 'brouillon' | 'en_construction' | 'en_instruction' | 'accepte' | 'refuse' | 'sans_suite';

/** Which e-mail a move into `state` triggers; moves that send nothing (e.g. back to en_construction) map to null. */
export function emailKindForState(state: string): EmailKind | null {
  switch (state) {
    case 'en_construction':
      return EmailKind.AccuseReception;
    case 'en_instruction':
      return EmailKind.PassageEnInstruction;
    case 'accepte':
      return EmailKind.Acceptation;
    case 'refuse':
      return EmailKind.Refus;
    case 'sans_suite':
      return EmailKind.ClassementSansSuite;
    default:
      return null;
  }
}
