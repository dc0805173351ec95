import { acteurUsager, Dossier } from './dossier';
import { RevisionPubliee } from './revision';

/** Who reads a dossier: its usager's side, or an instructeur of the groupe the dossier is routed to. */
export type Lecteur = 'proprietaire' | 'invite' | 'instructeur';

export interface IdentiteLecteur {
  sub: string;
  email: string;
  /** The caller's roles (gateway identity); an instructeur needs the `instructeur` role. */
  roles?: readonly string[];
}

/**
 * Who may read the dossier (its data, its PDF, its attachments), or null for anybody else, who gets the answer
 * given for a dossier that does not exist. The owner and the invités read it in any state; an instructeur reads it
 * once deposited (never a brouillon), when their e-mail is among the instructeurs of the dossier's groupe in the
 * démarche's published snapshot.
 */
export function lecteurDuDossier(
  dossier: Dossier,
  revision: Pick<RevisionPubliee, 'groupes'> | null,
  identity: IdentiteLecteur,
): Lecteur | null {
  const acteur = acteurUsager(dossier, identity);
  if (acteur !== 'tiers') return acteur;
  if (dossier.deletedAt || dossier.state === 'brouillon') return null;
  if (!identity.roles?.includes('instructeur')) return null;
  const email = identity.email.trim().toLowerCase();
  const groupe = revision?.groupes?.find((candidate) => candidate.id === dossier.groupeInstructeurId);
  return groupe?.instructeurEmails?.some((candidate) => candidate.toLowerCase() === email)
    ? 'instructeur'
    : null;
}
