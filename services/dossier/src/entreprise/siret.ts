/**
 * A SIRET is 14 digits whose Luhn checksum is 0 (INSEE). La Poste's establishments (SIREN 356000000) are the one
 * documented exception: their SIRET digits sum to a multiple of 5 instead.
 */
export function normaliserSiret(raw: string): string {
  return raw.replace(/[\s.]/g, '');
}

const SIREN_LA_POSTE = '356000000';

export function siretValide(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith(SIREN_LA_POSTE) && siret !== '35600000000048') {
    const sum = [...siret].reduce((total, digit) => total + Number(digit), 0);
    return sum % 5 === 0;
  }
  let sum = 0;
  for (let index = 0; index < 14; index += 1) {
    let digit = Number(siret[13 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
