import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { accept, isString, refuse, ShapeValidator } from './types';

/** La Poste's établissements share SIREN 356000000; their SIRET do not pass Luhn but the sum of digits is a multiple of 5. */
const SIREN_LA_POSTE = '356000000';

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** 14 digits with a valid check digit (INSEE: Luhn key), La Poste's établissements excepted. */
export function siretValide(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith(SIREN_LA_POSTE)) {
    const sum = [...siret].reduce((total, d) => total + Number(d), 0);
    return sum % 5 === 0;
  }
  return luhn(siret);
}

export const siret: ShapeValidator = (value) => {
  if (!isString(value)) return refuse('doit être un numéro SIRET de 14 chiffres');
  const compact = value.replace(/[\s\u00a0]/g, '');
  if (!/^\d{14}$/.test(compact)) return refuse('doit comporter exactement 14 chiffres');
  return siretValide(compact)
    ? accept(compact)
    : refuse("n'est pas un numéro SIRET valide (clé de contrôle incorrecte)");
};

/** Stored in electronic format (no spaces, upper case), as banks exchange it. */
export const iban: ShapeValidator = (value) => {
  const electronic = isString(value) ? electronicFormatIBAN(value) : null;
  return electronic && isValidIBAN(electronic)
    ? accept(electronic)
    : refuse("n'est pas un IBAN valide (exemple : FR76 3000 6000 0112 3456 7890 189)");
};
