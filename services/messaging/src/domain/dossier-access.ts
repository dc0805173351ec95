import { DossierState } from '@demarches/contracts';
import { MessagerieFermeeReason } from '../messaging.exception';

/** What messaging knows of a dossier, projected from the dossier and procedure topics. */
export interface DossierView {
  dossierId: string;
  demarcheId: string;
  state: DossierState;
  usagerSub: string | null;
  usagerEmail: string | null;
  groupeInstructeurId: string | null;
  /** E-mails of the instructeurs of the dossier's groupe (from DemarchePublished), lower-cased. */
  instructeurEmails: string[];
  archived: boolean;
}

export interface Caller {
  sub: string;
  email: string;
  roles: readonly string[];
}

export type Participant = 'usager' | 'instructeur';

/**
 * Who takes part in a dossier's messagerie: its usager (the owner, matched by subject) and the instructeurs of the
 * groupe the dossier is routed to. Anyone else gets null, and callers answer "not found" so existence does not leak.
 */
export function participantOf(dossier: DossierView, caller: Caller): Participant | null {
  if (dossier.usagerSub !== null && dossier.usagerSub === caller.sub) return 'usager';
  const email = caller.email.trim().toLowerCase();
  if (caller.roles.includes('instructeur') && dossier.instructeurEmails.includes(email)) return 'instructeur';
  return null;
}

const DECIDED = new Set<DossierState>([DossierState.ACCEPTE, DossierState.REFUSE, DossierState.SANS_SUITE]);

/**
 * Seed rules: "Le dossier prend l'un de ces statuts [accepté / sans suite / refusé] une fois que le service compétent
 * a statué : la messagerie est alors désactivée", and "Le fait d'archiver un dossier désactive la messagerie".
 * A brouillon has no messagerie yet (DS closes it on brouillon dossiers).
 */
export function whyMessagerieFermee(dossier: DossierView): MessagerieFermeeReason | null {
  if (dossier.archived) return 'archive';
  if (DECIDED.has(dossier.state)) return 'decision';
  if (dossier.state === DossierState.BROUILLON || dossier.state === DossierState.UNSPECIFIED)
    return 'brouillon';
  return null;
}

export const MESSAGE_MAX_LENGTH = 20_000;
