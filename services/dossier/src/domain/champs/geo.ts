import countries from 'i18n-iso-countries';
import {
  AdresseValue,
  accept,
  CodeValue,
  CommuneValue,
  isRecord,
  isString,
  refuse,
  ShapeValidator,
  Verdict,
} from './types';

// Shapes of the geographic champs. The codes are then checked against geo's référentiels (see verifications.ts):
// here only what can be decided without I/O.

const MAX_LABEL = 500;

function coordonnees(value: unknown): [number, number] | undefined | null {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [lon, lat] = value as unknown[];
  if (typeof lon !== 'number' || typeof lat !== 'number') return null;
  return lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90 ? [lon, lat] : null;
}

const optionalText = (value: unknown, max = 100): value is string | undefined =>
  value === undefined || (isString(value) && value.length <= max);

/**
 * Adresse: a BAN suggestion the usager picked (`{ banId, label, … }`), or a text typed by hand (a string, or
 * `{ label, manual: true }`) when the BAN does not know the address or cannot be reached.
 */
export const address: ShapeValidator = (value) => {
  if (isString(value)) {
    const label = value.replace(/\s+/g, ' ').trim();
    if (label.length > MAX_LABEL) return refuse(`ne doit pas dépasser ${MAX_LABEL} caractères`);
    return accept<AdresseValue>({ label, manual: true, verified: false });
  }
  if (!isRecord(value) || !isString(value['label']) || value['label'].trim() === '')
    return refuse('doit être une adresse choisie dans la liste ou saisie à la main');
  const label = value['label'].replace(/\s+/g, ' ').trim();
  if (label.length > MAX_LABEL) return refuse(`ne doit pas dépasser ${MAX_LABEL} caractères`);
  const { banId, postcode, citycode, city } = value;
  if (![banId, postcode, citycode, city].every((field) => optionalText(field)))
    return refuse("contient des informations d'adresse mal formées");
  const coordinates = coordonnees(value['coordinates']);
  if (coordinates === null) return refuse('a des coordonnées invalides ([longitude, latitude] attendu)');
  const manual = value['manual'] === true || !banId;
  return accept<AdresseValue>({
    label,
    manual,
    // Only geo's answer sets this: every save of an adresse goes through GeoChecks.adresse, which replaces it.
    verified: value['verified'] === true,
    ...(!manual && banId ? { banId: banId as string } : {}),
    ...(postcode ? { postcode: postcode as string } : {}),
    ...(citycode ? { citycode: citycode as string } : {}),
    ...(city ? { city: city as string } : {}),
    ...(coordinates ? { coordinates } : {}),
  });
};

/** A code sent alone ("2B") or inside the value geo's search returned (`{ code, nom }`). */
function code(value: unknown): string | null {
  const raw = isString(value) ? value : isRecord(value) && isString(value['code']) ? value['code'] : null;
  return raw === null ? null : raw.trim().toUpperCase();
}

function codeVerdict(value: unknown, pattern: RegExp, what: string): Verdict<CodeValue> {
  const c = code(value);
  if (c === null || !pattern.test(c)) return refuse(`doit être ${what}`);
  const nom = isRecord(value) && isString(value['nom']) ? value['nom'].slice(0, 200) : '';
  return accept({ code: c, nom });
}

export const regions: ShapeValidator = (value) =>
  codeVerdict(value, /^\d{2}$/, 'un code de région (exemple : 84)');
export const departements: ShapeValidator = (value) =>
  codeVerdict(
    value,
    /^(?:0[1-9]|1\d|2[1-9]|[3-8]\d|9[0-5]|2A|2B|97[1-8])$/,
    'un code de département (exemple : 69, 2A ou 974)',
  );
export const epci: ShapeValidator = (value) =>
  codeVerdict(value, /^\d{9}$/, "un numéro SIREN d'EPCI (9 chiffres)");

/** Pays: ISO 3166-1 alpha-2 code, checked here with i18n-iso-countries; the name is the French one. */
export const pays: ShapeValidator = (value) => {
  const c = code(value);
  if (c === null || !/^[A-Z]{2}$/.test(c) || !countries.isValid(c))
    return refuse('doit être un code de pays ISO à deux lettres (exemple : FR)');
  return accept<CodeValue>({ code: c, nom: countries.getName(c, 'fr') ?? c });
};

export const communes: ShapeValidator = (value) => {
  const c = code(value);
  if (c === null || !/^(?:\d{5}|2[AB]\d{3})$/.test(c))
    return refuse('doit être un code INSEE de commune (exemple : 69123)');
  const postcode = isRecord(value) ? value['postcode'] : undefined;
  if (postcode !== undefined && !(isString(postcode) && /^\d{5}$/.test(postcode)))
    return refuse('a un code postal invalide (5 chiffres)');
  const nom = isRecord(value) && isString(value['nom']) ? value['nom'].slice(0, 200) : '';
  const departement = isRecord(value) && isString(value['departement']) ? value['departement'] : '';
  return accept<CommuneValue>({ code: c, nom, departement, ...(postcode ? { postcode } : {}) });
};
