import { DossierState, MailKind } from '@demarches/contracts';

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
  /** Back en instruction after a decision (reference: re_instructed_mail). */
  RepasseEnInstruction = 'dossier_repasse_en_instruction',
  /** A co-author invited on a dossier (DossierInviteAdded); not customisable by administrateurs. */
  InvitationDossier = 'dossier_invitation',
  /** RGPD notice one month before a brouillon is deleted (DossierExpirationNotified); not customisable. */
  ExpirationBrouillon = 'brouillon_expiration',
  /** An administrateur's API token expires soon (identity's ApiTokenExpiring); not customisable, no dossier. */
  ExpirationJetonApi = 'api_token_expiration',
  /** A colleague sent an administrateur a copy of a démarche (DemarcheCreated.sent_by_email); no dossier. */
  CopieDemarche = 'demarche_copie',
}

const DECISIONS: ReadonlySet<DossierState> = new Set([
  DossierState.ACCEPTE,
  DossierState.REFUSE,
  DossierState.SANS_SUITE,
]);

/**
 * Which e-mail a move into `state` triggers. Moves that send nothing (back to en construction, brouillon) map to null;
 * the dépôt itself is announced by DossierDeposited, not by a state change.
 */
export function emailKindForState(state: DossierState, from?: DossierState): EmailKind | null {
  switch (state) {
    case DossierState.EN_INSTRUCTION:
      return from !== undefined && DECISIONS.has(from)
        ? EmailKind.RepasseEnInstruction
        : EmailKind.PassageEnInstruction;
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

const BY_MAIL_KIND: Partial<Record<MailKind, EmailKind>> = {
  [MailKind.DOSSIER_DEPOSE]: EmailKind.AccuseReception,
  [MailKind.DOSSIER_EN_INSTRUCTION]: EmailKind.PassageEnInstruction,
  [MailKind.DOSSIER_ACCEPTE]: EmailKind.Acceptation,
  [MailKind.DOSSIER_REFUSE]: EmailKind.Refus,
  [MailKind.DOSSIER_SANS_SUITE]: EmailKind.ClassementSansSuite,
  [MailKind.DOSSIER_REPASSE_EN_INSTRUCTION]: EmailKind.RepasseEnInstruction,
};

/** The e-mail a customised template of DemarchePublished replaces; null for a kind this service does not know. */
export function emailKindOfMailKind(kind: MailKind): EmailKind | null {
  return BY_MAIL_KIND[kind] ?? null;
}
