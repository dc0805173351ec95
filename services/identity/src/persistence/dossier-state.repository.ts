/** One dossier as identity knows it: its owner and its state, nothing of its content. */
export interface DossierStateChange {
  dossierId: string;
  /** Aggregate version of the dossier event: an older or replayed event never overwrites a newer state. */
  version: number;
  /** `brouillon`, `en_construction`, `en_instruction`, `accepte`, `refuse`, `sans_suite` or `supprime`. */
  state: string;
  /** OIDC subject of the owner (DossierCreated, DossierDeposited); kept when an event does not carry it. */
  usagerSub?: string;
  /** E-mail of the owner (DossierDeposited, DossierStateChanged); kept when an event does not carry it. */
  usagerEmail?: string;
}

/**
 * Identity's projection of dossier states (from the dossier service's events), for the CGU rule on account
 * deletion. Only ids, owner and state: no dossier content.
 */
export abstract class DossierStateRepository {
  /** Applies the change when it is newer than what is stored; returns whether it applied. */
  abstract record(change: DossierStateChange): Promise<boolean>;
  /** Dossiers of this usager (matched by subject, or by e-mail for events that only name her) en instruction. */
  abstract countEnInstruction(usagerSub: string, usagerEmail?: string): Promise<number>;
}
