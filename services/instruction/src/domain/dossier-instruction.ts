/**
 * instruction's projection of a dossier: what an instructeur's dashboard needs. It is rebuilt from dossier events
 * only; instruction never writes the dossier's state itself (it asks dossier over Kafka request-reply).
 */
export type EtatDossier = 'en_construction' | 'en_instruction' | 'accepte' | 'refuse' | 'sans_suite';

export interface DossierInstruction {
  dossierId: string;
  number: number;
  demarcheId: string;
  demarcheNumber: number;
  demarcheTitle: string;
  groupeInstructeurId: string;
  usagerEmail: string;
  state: EtatDossier;
  depositedAt: Date;
  updatedAt: Date;
  followers: string[];
  archived: boolean;
  /** Version of the dossier aggregate last applied: events at or below it are duplicates or stale. */
  dossierVersion: number;
}

/** Dashboard tabs of the reference ("Tutoriel instructeur"). */
export type Onglet = 'a-suivre' | 'suivis' | 'traites' | 'tous' | 'archives';
export const ONGLETS: readonly Onglet[] = ['a-suivre', 'suivis', 'traites', 'tous', 'archives'];

const TERMINES: ReadonlySet<EtatDossier> = new Set(['accepte', 'refuse', 'sans_suite']);

/**
 * « À suivre »: open dossiers nobody follows yet; « suivis »: open dossiers I follow; « traités »: decided;
 * « tous »: everything not archived; « archivés »: archived ones.
 */
export function appartientAOnglet(
  dossier: DossierInstruction,
  onglet: Onglet,
  instructeurEmail: string,
): boolean {
  if (onglet === 'archives') return dossier.archived;
  if (dossier.archived) return false;
  const ouvert = !TERMINES.has(dossier.state);
  switch (onglet) {
    case 'a-suivre':
      return ouvert && dossier.followers.length === 0;
    case 'suivis':
      return ouvert && dossier.followers.includes(instructeurEmail);
    case 'traites':
      return !ouvert;
    case 'tous':
      return true;
  }
}

/** Applies an event only when it is newer than what the projection already holds (idempotent, order-safe). */
export function estPlusRecent(current: DossierInstruction | null, eventVersion: number): boolean {
  return current === null || eventVersion > current.dossierVersion;
}
