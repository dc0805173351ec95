/** The instructeurs of one démarche, as form-builder's last GroupesInstructeursChanged event lists them. */
export interface DemarcheGroupes {
  demarcheId: string;
  number: number;
  title: string;
  /** Version of the form-builder démarche aggregate carried by the event. */
  version: number;
  groupes: Array<{ id: string; label: string; instructeurEmails: string[] }>;
}

/** Where an instructeur instructs: the démarches and the groupes of each she belongs to (served by GET /me). */
export interface InstructeurMembership {
  demarcheId: string;
  number: number;
  title: string;
  groupes: Array<{ id: string; label: string }>;
}

/** Identity's projection of groupes instructeurs: who is an instructeur of what (the instructeur role follows it). */
export abstract class InstructeurGroupesRepository {
  /**
   * Replaces the démarche's groupes when `groupes.version` is newer than the stored one. Returns the e-mails of
   * the démarche's instructeurs before the change, or null when the event was older (nothing applied).
   */
  abstract replace(groupes: DemarcheGroupes): Promise<{ previousEmails: string[] } | null>;
  abstract membershipsOf(email: string): Promise<InstructeurMembership[]>;
}
