import { ChampDescriptor } from '../revision';
import { accept, isString, refuse, ShapeValidator, Verdict } from './types';

const MAX_TEXT = 10_000;
const MAX_TEXTAREA = 50_000;
// Control characters other than tab and line breaks never come from a keyboard; they break exports and PDFs.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// Practical e-mail check (the reference's): one @, no spaces, a dot in the domain, no dot at either end.
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

function chaine(value: unknown, max: number, multiline: boolean): Verdict<string> {
  if (!isString(value)) return refuse('doit être un texte');
  if (value.length > max) return refuse(`ne doit pas dépasser ${max.toLocaleString('fr-FR')} caractères`);
  if (CONTROL.test(value)) return refuse('contient des caractères invisibles non autorisés');
  if (!multiline && /[\r\n]/.test(value)) return refuse('doit tenir sur une seule ligne');
  return accept(multiline ? value.replace(/\r\n?/g, '\n') : value.trim());
}

export const text: ShapeValidator = (value) => chaine(value, MAX_TEXT, false);
export const textarea: ShapeValidator = (value) => chaine(value, MAX_TEXTAREA, true);

/** Settings of a « texte formaté » champ (settings_json of the published champ); all optional. */
interface FormattedSettings {
  minLength?: number;
  maxLength?: number;
  lettersAccepted?: boolean;
  numbersAccepted?: boolean;
  specialCharsAccepted?: boolean;
}

function formattedSettings(champ: ChampDescriptor): FormattedSettings {
  return (champ.settings ?? {}) as FormattedSettings;
}

/** Texte formaté: a single line with the length bounds and character classes the administrateur chose. */
export const formatted: ShapeValidator = (value, champ) => {
  const verdict = chaine(value, MAX_TEXT, false);
  if (!verdict.ok) return verdict;
  const texte = verdict.value;
  const s = formattedSettings(champ);
  if (typeof s.minLength === 'number' && texte.length < s.minLength)
    return refuse(`doit compter au moins ${s.minLength} caractères`);
  if (typeof s.maxLength === 'number' && texte.length > s.maxLength)
    return refuse(`ne doit pas dépasser ${s.maxLength} caractères`);
  if (s.lettersAccepted === false && /\p{L}/u.test(texte)) return refuse('ne doit pas contenir de lettres');
  if (s.numbersAccepted === false && /\p{N}/u.test(texte)) return refuse('ne doit pas contenir de chiffres');
  if (s.specialCharsAccepted === false && /[^\p{L}\p{N}\s]/u.test(texte))
    return refuse('ne doit contenir que des lettres, des chiffres et des espaces');
  return accept(texte);
};

export const email: ShapeValidator = (value) =>
  isString(value) && value.trim().length <= 254 && EMAIL.test(value.trim())
    ? accept(value.trim())
    : refuse("n'est pas une adresse e-mail valide (exemple : nom@domaine.fr)");

/** Civilité as the reference stores it (the identity step uses the same two values). */
export const civilite: ShapeValidator = (value) =>
  value === 'M.' || value === 'Mme' ? accept(value) : refuse('doit être « M. » ou « Mme »');

/** Case à cocher (and the seed's « engagement », the same champ): checked or not. */
export const checkbox: ShapeValidator = (value) =>
  typeof value === 'boolean' ? accept(value) : refuse('doit être coché ou non (true ou false)');

export const yesNo: ShapeValidator = (value) =>
  typeof value === 'boolean' ? accept(value) : refuse('doit être oui ou non (true ou false)');
