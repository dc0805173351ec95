import { DemarcheErrorCode, DemarcheException } from '../demarche.exception';
import { TypeDeChamp } from './type-de-champ';

/**
 * Type-specific settings of a champ (what is not a list of choices), validated when the administrateur saves the
 * champ, stored with it and published as the snapshot's `settings_json`. Each type knows its own keys; an unknown
 * key is refused (CHAMP_SETTING_UNKNOWN naming it) rather than silently ignored, a wrong value too
 * (CHAMP_SETTING_INVALID). A key set to null means "not set" and is dropped. The dossier service enforces the
 * texte formaté rules and the number bounds when a value is saved (services/dossier/src/domain/champs/texte.ts and
 * nombres.ts); the other settings are published for the consumers that use them.
 */
export type ChampSettings = Record<string, unknown>;

/** Same bound as the dossier service's single-line texts. */
const MAX_TEXT = 10_000;

/** Formats a pièce justificative may accept (the seed's « Formats de pièces-jointes acceptés »). */
export const FORMATS_PIECE_JUSTIFICATIVE = [
  'pdf',
  'doc',
  'docx',
  'xls',
  'xlsx',
  'csv',
  'ppt',
  'pptx',
  'odt',
  'ods',
  'odp',
  'jpg',
  'jpeg',
  'png',
] as const;

/** The reference's natures of pièce justificative: a titre d'identité is an image, a RIB a document or a scan. */
export const NATURES_PIECE_JUSTIFICATIVE = ['non_specifie', 'titre_identite', 'rib'] as const;
const FORMATS_PAR_NATURE: Record<string, readonly string[]> = {
  titre_identite: ['jpg', 'jpeg', 'png'],
  rib: ['pdf', 'doc', 'docx', 'odt', 'jpg', 'jpeg', 'png'],
};

/** Layers the reference offers on a carte (shown under the drawing; cadastres lists the parcels touched). */
export const COUCHES_CARTE = [
  'cadastres',
  'unesco',
  'arretes_protection',
  'conservatoire_littoral',
  'reserves_chasse_faune_sauvage',
  'reserves_biologiques',
  'reserves_naturelles',
  'natura_2000',
  'zones_humides',
  'znieff',
  'rpg',
] as const;

function invalid(type: TypeDeChamp, key: string, reason: string): DemarcheException {
  return new DemarcheException(
    DemarcheErrorCode.CHAMP_SETTING_INVALID,
    'invalid',
    `Le réglage « ${key} » d'un champ « ${type} » ${reason}.`,
    { type, key, reason },
  );
}

/** Checks and normalises one value; `fail(reason)` refuses it. */
type Regle = (value: unknown, fail: (reason: string) => never) => unknown;

const entier =
  (min: number, max: number): Regle =>
  (value, fail) => {
    if (typeof value !== 'number' || !Number.isInteger(value)) return fail('doit être un nombre entier');
    if (value < min || value > max)
      return fail(`doit être compris entre ${min} et ${max.toLocaleString('fr-FR')}`);
    return value;
  };

const booleen: Regle = (value, fail) =>
  typeof value === 'boolean' ? value : fail('doit être true ou false');

const nombre: Regle = (value, fail) =>
  typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER
    ? value
    : fail('doit être un nombre');

const parmi =
  (values: readonly string[]): Regle =>
  (value, fail) =>
    typeof value === 'string' && values.includes(value) ? value : fail(`doit valoir ${values.join(', ')}`);

/** A non-empty subset of `values`, deduplicated, in the order given. */
const sousEnsemble =
  (values: readonly string[]): Regle =>
  (value, fail) => {
    if (!Array.isArray(value) || value.length === 0) return fail('doit être une liste non vide');
    const unknown = value.find((item) => typeof item !== 'string' || !values.includes(item.toLowerCase()));
    if (unknown !== undefined)
      return fail(`ne peut contenir que ${values.join(', ')} (reçu : ${JSON.stringify(unknown)})`);
    return [...new Set((value as string[]).map((item) => item.toLowerCase()))];
  };

interface TypeSettings {
  keys: Record<string, Regle>;
  /** Rules between keys, run on the normalised settings. */
  check?: (settings: ChampSettings, fail: (key: string, reason: string) => never) => void;
}

function bornes(settings: ChampSettings, fail: (key: string, reason: string) => never): void {
  const { min, max } = settings as { min?: number; max?: number };
  if (min !== undefined && max !== undefined && min > max) fail('min', `(${min}) dépasse max (${max})`);
}

const SETTINGS: Partial<Record<TypeDeChamp, TypeSettings>> = {
  formatted: {
    keys: {
      minLength: entier(1, MAX_TEXT),
      maxLength: entier(1, MAX_TEXT),
      lettersAccepted: booleen,
      numbersAccepted: booleen,
      specialCharsAccepted: booleen,
    },
    check: (settings, fail) => {
      const { minLength, maxLength } = settings as { minLength?: number; maxLength?: number };
      if (minLength !== undefined && maxLength !== undefined && minLength > maxLength)
        fail('minLength', `(${minLength}) dépasse maxLength (${maxLength})`);
      if (
        settings['lettersAccepted'] === false &&
        settings['numbersAccepted'] === false &&
        settings['specialCharsAccepted'] === false
      )
        fail(
          'lettersAccepted',
          'ne peut pas refuser, avec les deux autres, tout caractère : rien ne serait saisissable',
        );
    },
  },
  integer_number: {
    keys: {
      min: entier(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
      max: entier(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
    },
    check: bornes,
  },
  decimal_number: { keys: { min: nombre, max: nombre }, check: bornes },
  piece_justificative: {
    keys: { nature: parmi(NATURES_PIECE_JUSTIFICATIVE), formats: sousEnsemble(FORMATS_PIECE_JUSTIFICATIVE) },
    check: (settings, fail) => {
      const permis = FORMATS_PAR_NATURE[settings['nature'] as string];
      const formats = settings['formats'] as string[] | undefined;
      const refuse = permis && formats?.find((format) => !permis.includes(format));
      if (refuse)
        fail(
          'formats',
          `ne peut pas contenir ${refuse} pour la nature ${String(settings['nature'])} (${permis.join(', ')})`,
        );
    },
  },
  carte: { keys: { layers: sousEnsemble(COUCHES_CARTE) } },
  header_section: { keys: { level: entier(1, 3) } },
};

/** The setting keys a type accepts (none for most types). */
export function clesDeReglage(type: TypeDeChamp): string[] {
  return Object.keys(SETTINGS[type]?.keys ?? {});
}

/**
 * Validates the settings of a champ of `type` and returns them normalised (keys set to null dropped, lists
 * deduplicated). Refuses the first unknown key, then the first wrong value, naming the key.
 */
export function validerSettings(
  type: TypeDeChamp,
  settings: Readonly<Record<string, unknown>>,
): ChampSettings {
  const spec = SETTINGS[type];
  const keys = spec?.keys ?? {};
  const known = Object.keys(keys);
  for (const key of Object.keys(settings)) {
    if (!Object.hasOwn(keys, key)) {
      throw new DemarcheException(
        DemarcheErrorCode.CHAMP_SETTING_UNKNOWN,
        'invalid',
        known.length > 0
          ? `Le réglage « ${key} » n'existe pas pour un champ « ${type} » ; réglages possibles : ${known.join(', ')}.`
          : `Le réglage « ${key} » n'existe pas : un champ « ${type} » n'a pas de réglage.`,
        { type, key, known },
      );
    }
  }
  const normalised: ChampSettings = {};
  for (const key of known) {
    const value = settings[key];
    if (value === undefined || value === null) continue;
    normalised[key] = keys[key](value, (reason) => {
      throw invalid(type, key, reason);
    });
  }
  spec?.check?.(normalised, (key, reason) => {
    throw invalid(type, key, reason);
  });
  return normalised;
}
