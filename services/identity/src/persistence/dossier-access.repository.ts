/** Per-dossier roles: invité (co-author named by the dossier's owner) or expert (asked for an avis). */
export type DossierAccessKind = 'invite' | 'expert';

export interface DossierAccess {
  kind: DossierAccessKind;
  dossierId: string;
  demarcheId: string;
  email: string;
}

/** Identity's list of per-dossier roles, kept in step with the dossier events (invité) and avis requests (expert). */
export abstract class DossierAccessRepository {
  /**
   * Grants (`active` true) or withdraws the access when `version` is newer than the stored one (the source
   * aggregate's version; a replayed or late event never wins). Returns whether it applied.
   */
  abstract set(access: DossierAccess, active: boolean, version: number): Promise<boolean>;
  abstract activeOf(email: string, kind?: DossierAccessKind): Promise<DossierAccess[]>;
}
