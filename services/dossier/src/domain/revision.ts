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
}

export interface RevisionPubliee {
  demarcheId: string;
  demarcheNumber: number;
  title: string;
  slug: string;
  revisionId: string;
  state: 'publiee' | 'close';
  champs: ChampDescriptor[];
  groupeInstructeurDefautId: string;
  /** Demarche version of the last applied event, so redelivered or older snapshots never win. */
  sourceVersion: number;
}
