import { DossierState } from '@demarches/contracts';

export interface ChampCell {
  champId: string;
  label: string;
  value: string;
}

/** Export's own projection of a deposited dossier (architecture.md §2: export keeps its own projection). */
export interface DossierRecord {
  dossierId: string;
  number: number;
  demarcheId: string;
  groupeInstructeurId: string;
  state: DossierState;
  usagerEmail: string;
  depositedAt: Date | null;
  enInstructionAt: Date | null;
  decidedAt: Date | null;
  motivation: string | null;
  champs: ChampCell[];
  /** Aggregate version of the last applied event: older events are ignored. */
  version: number;
}
