import { TYPES_SANS_VALEUR } from './type-de-champ';

/**
 * Conditional display and routing rules (the reference's « logique conditionnelle » and « règles de routage »):
 * a tree of « et » / « ou » over comparisons with the value of an earlier champ.
 *
 * form-builder validates a condition when the administrateur saves it; dossier evaluates it against the usager's
 * values. Both import this module so a condition means the same thing on both sides.
 */
export const CONDITION_OPERATORS = [
  'equals',
  'not_equals',
  'less_than',
  'less_or_equal',
  'greater_than',
  'greater_or_equal',
  'includes',
  'is_empty',
  'is_not_empty',
] as const;

export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

export interface ChampComparison {
  champId: string;
  operator: ConditionOperator;
  /**
   * The operand as the champ stores it: "true"/"false" for oui/non and case à cocher, a decimal for numbers, an
   * option for lists, an INSEE code for régions and départements. Empty for is_empty / is_not_empty.
   */
  value: string;
}

export type Condition = { all: Condition[] } | { any: Condition[] } | ChampComparison;

export function isComparison(condition: Condition): condition is ChampComparison {
  return 'champId' in condition;
}

/** Types no condition can test: display-only types hold no value, and a bloc's value is its rows. */
const TYPES_NON_TESTABLES: ReadonlySet<string> = new Set([...TYPES_SANS_VALEUR, 'repetition']);

/** Operators offered for each champ type a condition may test (see operateursPour for the others). */
const PRESENCE = ['is_empty', 'is_not_empty'] as const;
const EQUALITY = ['equals', 'not_equals', ...PRESENCE] as const;
const ORDER = [
  'equals',
  'not_equals',
  'less_than',
  'less_or_equal',
  'greater_than',
  'greater_or_equal',
  ...PRESENCE,
] as const;

export const OPERATEURS_PAR_TYPE: Readonly<Record<string, readonly ConditionOperator[]>> = {
  yes_no: EQUALITY,
  checkbox: EQUALITY,
  integer_number: ORDER,
  decimal_number: ORDER,
  drop_down_list: EQUALITY,
  multiple_drop_down_list: ['includes', ...PRESENCE],
  regions: EQUALITY,
  departements: EQUALITY,
  civilite: EQUALITY,
  pays: EQUALITY,
};

/** The operators a condition on a champ of this type may use: presence only for types not listed above. */
export function operateursPour(type: string): readonly ConditionOperator[] {
  return OPERATEURS_PAR_TYPE[type] ?? (TYPES_NON_TESTABLES.has(type) ? [] : PRESENCE);
}
