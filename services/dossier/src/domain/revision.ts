import type { Condition } from '@demarches/formulaire';

/**
 * The published revision of a démarche as dossier knows it: a projection of form-builder's DemarchePublished
 * snapshot, so dossier never calls form-builder back.
 */
export interface ChampDescriptor {
  id: string;
  type: string;
  label: string;
  description: string;
  mandatory: boolean;
  options: string[];
  /** Champs of a bloc répétable (type repetition), in display order; never nested further. */
  children?: ChampDescriptor[];
  /** Shown, and then required, only when this holds (DS « logique conditionnelle »); absent = always shown. */
  condition?: Condition | null;
  /** Type-specific settings from the published settings_json (formatted lengths, number bounds…). */
  settings?: Record<string, unknown>;
  /** Pièce justificative: S3 key of the démarche's modèle file the usager may download (modele_file_key). */
  modeleFileKey?: string | null;
}

/** A groupe instructeur as routing sees it (DemarchePublished.groupes_instructeurs). */
export interface GroupeRoutage {
  id: string;
  label: string;
  /** Values of the routing champ that send a dossier here. */
  routingValues: string[];
  /** Règle de routage: the dossier goes to the first open groupe whose rule holds. */
  routingRule: Condition | null;
  closed: boolean;
  isDefault: boolean;
  /** E-mails (lower-cased) of the groupe's instructeurs: they may read its deposited dossiers. */
  instructeurEmails?: string[];
}

export type PublicCible = 'particulier' | 'personne_morale';

/** A file of the démarche's description (DemarchePublished.files), downloaded from form-builder's public route. */
export interface FichierDemarche {
  kind: 'logo' | 'notice' | 'cadre_juridique';
  fileName: string;
  contentType: string;
  size: number;
}

/** What a déclaratif démarche does with a dossier at dépôt; null when an instructeur decides. */
export type ModeDeclaratif = 'en_instruction' | 'accepte' | null;

export interface RevisionPubliee {
  demarcheId: string;
  demarcheNumber: number;
  title: string;
  slug: string;
  revisionId: string;
  /** `depubliee`: no new dossier, existing drafts may still be deposited; `supprimee`: the démarche is gone. */
  state: 'publiee' | 'close' | 'depubliee' | 'supprimee';
  champs: ChampDescriptor[];
  groupeInstructeurDefautId: string;
  /** Who the identity step asks for. Absent on snapshots stored before it existed: particulier. */
  publicCible?: PublicCible;
  /** A « démarche en test » snapshot: only its administrateurs start (test) dossiers, through the test link. */
  enTest?: boolean;
  administrateurEmails?: string[];
  declarativeMode?: ModeDeclaratif;
  /** Date limite de dépôt: no new dossier and no dépôt from that instant. */
  dateLimite?: Date | null;
  /** Months a dossier is kept after its dépôt (drafts: after their last change); 0 or absent = not known. */
  dureeConservationMois?: number;
  /** The administration in charge (service organisme, else its name): kept in the CGU trace of a deleted dossier. */
  administration?: string;
  groupes?: GroupeRoutage[];
  routingChampId?: string | null;
  /** The logo, notice and cadre juridique document the démarche has; absent on snapshots stored before: none. */
  fichiers?: FichierDemarche[];
  /** Demarche version of the last applied event, so redelivered or older snapshots never win. */
  sourceVersion: number;
}
