import { ChampDescriptor } from './revision';

/** Value types the usager may send for a champ; the validator checks which one each champ type accepts. */
export type ChampValue = string | number | boolean | string[] | null;

export interface ChampProblem {
  champId: string;
  label: string;
  reason: string;
}

type Validator = (value: Exclude<ChampValue, null>, champ: ChampDescriptor) => string | null;

const MAX_TEXT = 10_000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// French numbers, metropolitan and overseas, national or +33/+262/… international form.
const PHONE = /^(?:\+(?:33|262|269|508|590|594|596|687|689)\s?|0)[1-9](?:[\s.-]?\d{2}){4}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const isString = (v: unknown): v is string => typeof v === 'string';

const texte: Validator = (v) =>
  !isString(v) ? 'doit être un texte' : v.length > MAX_TEXT ? 'est trop long' : null;

const VALIDATORS: Record<string, Validator> = {
  text: texte,
  textarea: texte,
  formatted: texte,
  address: texte,
  email: (v) => (isString(v) && EMAIL.test(v.trim()) ? null : "n'est pas une adresse e-mail valide"),
  phone: (v) =>
    isString(v) && PHONE.test(v.trim()) ? null : "n'est pas un numéro de téléphone français valide",
  integer_number: (v) => (typeof v === 'number' && Number.isInteger(v) ? null : 'doit être un nombre entier'),
  decimal_number: (v) => (typeof v === 'number' && Number.isFinite(v) ? null : 'doit être un nombre'),
  date: (v) =>
    isString(v) && ISO_DATE.test(v) && !Number.isNaN(Date.parse(v)) ? null : 'doit être une date AAAA-MM-JJ',
  datetime: (v) =>
    isString(v) && !Number.isNaN(Date.parse(v)) ? null : 'doit être une date et heure ISO 8601',
  checkbox: (v) => (typeof v === 'boolean' ? null : 'doit être coché ou non'),
  yes_no: (v) => (typeof v === 'boolean' ? null : 'doit être oui ou non'),
  civilite: (v) => (v === 'M.' || v === 'Mme' ? null : 'doit être « M. » ou « Mme »'),
  drop_down_list: (v, champ) =>
    isString(v) && selectable(champ).includes(v) ? null : "n'est pas un choix de la liste",
  multiple_drop_down_list: (v, champ) =>
    Array.isArray(v) && v.every((item) => selectable(champ).includes(item))
      ? null
      : 'contient un choix hors de la liste',
};

/** `--séparateur--` entries of a list are headings: they are shown but can never be chosen. */
function selectable(champ: ChampDescriptor): string[] {
  return champ.options.filter((option) => !/^--.*--$/.test(option));
}

export function isEmpty(value: ChampValue | undefined): boolean {
  return (
    value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

/** Checks one value against its champ. Empty values are always fine here: mandatory checks happen at dépôt. */
export function validerValeur(champ: ChampDescriptor, value: ChampValue): ChampProblem | null {
  if (isEmpty(value)) return null;
  const validator = VALIDATORS[champ.type] ?? texte;
  const reason = validator(value as Exclude<ChampValue, null>, champ);
  return reason ? { champId: champ.id, label: champ.label, reason: `« ${champ.label} » ${reason}` } : null;
}

/** At dépôt, every mandatory champ must hold a value and every value must be valid; all problems are reported. */
export function problemesAuDepot(
  champs: ChampDescriptor[],
  values: Record<string, ChampValue>,
): ChampProblem[] {
  const problems: ChampProblem[] = [];
  for (const champ of champs) {
    const value = values[champ.id];
    if (champ.mandatory && isEmpty(value)) {
      problems.push({ champId: champ.id, label: champ.label, reason: `« ${champ.label} » doit être rempli` });
      continue;
    }
    const problem = value === undefined ? null : validerValeur(champ, value);
    if (problem) problems.push(problem);
  }
  return problems;
}
