import { DossierInstruction, EtatDossier } from '../domain/dossier-instruction';

export interface GroupeInstructeurView {
  groupeId: string;
  demarcheId: string;
  demarcheTitle: string;
  instructeurs: string[];
  sourceVersion: number;
}

/** Groupes instructeurs and their members, projected from DemarchePublished snapshots. */
export abstract class GroupeRepository {
  abstract replaceForDemarche(demarcheId: string, groupes: GroupeInstructeurView[]): Promise<void>;
  abstract groupeIdsOf(instructeurEmail: string): Promise<string[]>;
  abstract isMember(groupeId: string, instructeurEmail: string): Promise<boolean>;
}

/** The instructeur dashboard projection of dossiers, rebuilt from dossier events. */
export abstract class DossierInstructionRepository {
  /** Inserts or replaces the row when `row.dossierVersion` is newer than the stored one; false otherwise. */
  abstract upsertIfNewer(row: DossierInstruction): Promise<boolean>;
  abstract updateStateIfNewer(
    dossierId: string,
    state: EtatDossier,
    version: number,
    at: Date,
  ): Promise<boolean>;
  /** The groupe a dossier is routed to now (the usager changed the routing champ en construction). */
  abstract updateGroupeIfNewer(
    dossierId: string,
    groupeInstructeurId: string,
    version: number,
    at: Date,
  ): Promise<boolean>;
  abstract findById(dossierId: string): Promise<DossierInstruction | null>;
  abstract listForGroupes(groupeIds: string[]): Promise<DossierInstruction[]>;
  abstract addFollower(dossierId: string, email: string): Promise<void>;
}
