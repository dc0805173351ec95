/**
 * Balises (tags) usable in e-mail templates, written `--libellé--` as in demarches-simplifiees
 * (features.md: "Tags / balises: syntax `--libellé--`"). Only the built-ins notification can fill today are listed;
 * the form-builder refuses unknown balises when a template is saved.
 */
export enum Balise {
  NumeroDossier = 'numéro du dossier',
  LibelleDemarche = 'libellé démarche',
  Motivation = 'motivation',
  LienDossier = 'lien dossier',
  DateDepot = 'date de dépôt',
  DateDecision = 'date de décision',
}

export type BaliseValues = Partial<Record<Balise, string>>;

const dateFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long' });

/** Dates are stored in UTC and shown in Europe/Paris (architecture.md §5). */
export function formatDate(date: Date | null | undefined): string {
  return date ? dateFormat.format(date) : '';
}
