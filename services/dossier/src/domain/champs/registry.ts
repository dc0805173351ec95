import { ChampDescriptor } from '../revision';
import { carte } from './carte';
import { date, datetime } from './dates';
import { dossierLink } from './dossier-link';
import { address, communes, departements, epci, pays, regions } from './geo';
import { iban, siret } from './identifiants';
import { dropDownList, linkedDropDownList, multipleDropDownList } from './listes';
import { decimalNumber, integerNumber } from './nombres';
import { pieceJustificative } from './piece-justificative';
import { RowProblem, validerRepetition } from './repetition';
import { phone } from './telephone';
import { checkbox, civilite, email, formatted, text, textarea, yesNo } from './texte';
import { ChampValue, isRecord, refuse, ShapeValidator, Verdict } from './types';

/** Types that only display text (titre de section, explication): they never hold a value. */
export const TYPES_SANS_VALEUR: ReadonlySet<string> = new Set(['header_section', 'explication']);

const sansValeur: ShapeValidator = () => refuse('ne prend pas de valeur');

/** One shape validator per champ type of the form builder (services/form-builder/src/domain/type-de-champ.ts). */
export const SHAPES: Readonly<Record<string, ShapeValidator>> = {
  text,
  textarea,
  formatted,
  date,
  datetime,
  decimal_number: decimalNumber,
  integer_number: integerNumber,
  checkbox,
  civilite,
  email,
  phone,
  address,
  yes_no: yesNo,
  drop_down_list: dropDownList,
  multiple_drop_down_list: multipleDropDownList,
  linked_drop_down_list: linkedDropDownList,
  pays,
  regions,
  departements,
  communes,
  epci,
  header_section: sansValeur,
  explication: sansValeur,
  dossier_link: dossierLink,
  piece_justificative: pieceJustificative,
  siret,
  carte,
  iban,
  repetition: (value, champ) => validerForme(champ, value),
};

/**
 * Checks and normalises a non-empty value for its champ. A type this service does not know yet (a newer form
 * builder) is refused rather than stored unchecked.
 */
export function validerForme(
  champ: ChampDescriptor,
  value: unknown,
): Verdict & { rowProblems?: RowProblem[] } {
  if (champ.type === 'repetition') return validerRepetition(value, champ, validerForme);
  const shape = SHAPES[champ.type];
  if (!shape) return refuse(`est d'un type inconnu (${champ.type})`);
  return shape(value, champ);
}

/** Whether a stored value counts as unanswered for the mandatory rule. */
export function estVide(champ: ChampDescriptor, value: ChampValue | undefined): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  // A mandatory case à cocher (the seed's « engagement ») is only answered once checked.
  if (typeof value === 'boolean') return champ.type === 'checkbox' && value === false;
  if (typeof value === 'number') return false;
  if (typeof value !== 'object') return false;
  if ('attachmentIds' in value) return value.attachmentIds.length === 0;
  if ('features' in value) return value.features.length === 0;
  if ('primary' in value) return value.primary === '';
  if ('label' in value) return value.label.trim() === '';
  if ('code' in value) return value.code === '';
  return false;
}

/** A value that is present but not complete enough to deposit (today: the second menu of a linked list). */
export function incomplet(champ: ChampDescriptor, value: ChampValue): string | null {
  if (
    champ.type === 'linked_drop_down_list' &&
    isRecord(value) &&
    'secondary' in value &&
    value.secondary === ''
  )
    return 'doit être complété : choisissez aussi dans le second menu';
  return null;
}
