import { CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import { accept, isString, refuse, ShapeValidator } from './types';

/**
 * Metropolitan France and the overseas départements and collectivités with their own country calling code:
 * Guadeloupe, Martinique, Guyane, La Réunion, Mayotte, Saint-Pierre-et-Miquelon, Saint-Barthélemy, Saint-Martin,
 * Wallis-et-Futuna, Polynésie française, Nouvelle-Calédonie.
 */
export const REGIONS_FRANCAISES: ReadonlySet<CountryCode> = new Set<CountryCode>([
  'FR',
  'GP',
  'MQ',
  'GF',
  'RE',
  'YT',
  'PM',
  'BL',
  'MF',
  'WF',
  'PF',
  'NC',
]);

/** A French number, national (01 23 45 67 89, 0692 12 34 56) or international (+33, +262, +687…). */
export function telephoneFrancais(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length > 30 || !/^[+\d\s.()-]+$/.test(trimmed)) return false;
  const parsed = parsePhoneNumberFromString(trimmed, 'FR');
  return !!parsed && parsed.isValid() && !!parsed.country && REGIONS_FRANCAISES.has(parsed.country);
}

export const phone: ShapeValidator = (value) =>
  isString(value) && telephoneFrancais(value)
    ? accept(value.trim())
    : refuse(
        "n'est pas un numéro de téléphone français valide (exemple : 06 12 34 56 78 ou +262 692 12 34 56)",
      );
