/**
 * Built-in balises (tags) usable in e-mail templates, written `--libellé--` as in demarches-simplifiees
 * (features.md: "Tags / balises: syntax `--libellé--`"). Besides these, each champ has a balise named after its
 * label (ChampBalise). form-builder refuses unknown balises when a template is saved, from the same list
 * (services/form-builder/src/domain/mail-templates.ts BALISES_INTEGREES): keep the two in step.
 */
export enum Balise {
  NumeroDossier = 'numéro du dossier',
  LibelleDemarche = 'libellé démarche',
  Motivation = 'motivation',
  LienDossier = 'lien dossier',
  DateDepot = 'date de dépôt',
  DatePassageEnInstruction = 'date de passage en instruction',
  DateDecision = 'date de décision',
  /** No attestation is generated yet (issue 4 item 7): renders empty, so its line is dropped. */
  LienAttestation = 'lien attestation',
}

export type BaliseValues = Partial<Record<Balise, string>>;

/** The balise of one champ (or annotation): `--<label>--` renders the value the usager gave. */
export interface ChampBalise {
  label: string;
  value: string;
}

const dateFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long' });

/** Dates are stored in UTC and shown in Europe/Paris (architecture.md §5). */
export function formatDate(date: Date | null | undefined): string {
  return date ? dateFormat.format(date) : '';
}
