import { ChampComparison, Condition, isComparison } from './condition';

/**
 * The value of a champ as a condition sees it. Dossier stores booleans for oui/non and case à cocher, numbers for
 * numbers, strings for lists and codes, string arrays for choix multiples; structured values (a référentiel entry)
 * may carry their code in `code` or `value`.
 */
function normalise(raw: unknown): string | number | boolean | string[] | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'string') return raw.trim() === '' ? null : raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') return raw;
  if (Array.isArray(raw)) {
    const items = raw.filter((item): item is string => typeof item === 'string');
    return items.length === 0 ? null : items;
  }
  if (typeof raw === 'object') {
    const record = raw as Record<string, unknown>;
    const code = record['code'] ?? record['value'];
    return typeof code === 'string' || typeof code === 'number' ? normalise(code) : null;
  }
  return null;
}

function asNumber(value: string | number | boolean | string[]): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const parsed = Number(value.replace(',', '.'));
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

function sameValue(value: string | number | boolean | string[], operand: string): boolean {
  if (typeof value === 'boolean') return String(value) === operand.trim().toLowerCase();
  if (typeof value === 'number') return value === asNumber(operand);
  if (Array.isArray(value)) return value.length === 1 && value[0] === operand;
  return value === operand;
}

/** Order comparisons only make sense between numbers; anything else fails the comparison. */
function ordered(
  value: string | number | boolean | string[],
  operand: string,
  holds: (delta: number) => boolean,
): boolean {
  const left = asNumber(value);
  const right = asNumber(operand);
  return left !== null && right !== null && holds(left - right);
}

function evaluerComparaison(comparison: ChampComparison, raw: unknown): boolean {
  const value = normalise(raw);
  if (comparison.operator === 'is_empty') return value === null;
  if (comparison.operator === 'is_not_empty') return value !== null;
  // An unanswered champ satisfies no comparison (not even « différent de »): the reference hides the dependent champ
  // until the usager has answered.
  if (value === null) return false;
  switch (comparison.operator) {
    case 'equals':
      return sameValue(value, comparison.value);
    case 'not_equals':
      return !sameValue(value, comparison.value);
    case 'includes':
      return Array.isArray(value) ? value.includes(comparison.value) : value === comparison.value;
    case 'less_than':
      return ordered(value, comparison.value, (delta) => delta < 0);
    case 'less_or_equal':
      return ordered(value, comparison.value, (delta) => delta <= 0);
    case 'greater_than':
      return ordered(value, comparison.value, (delta) => delta > 0);
    case 'greater_or_equal':
      return ordered(value, comparison.value, (delta) => delta >= 0);
  }
}

/** Whether the condition holds for these values (keyed by champ id). An empty « et » holds; an empty « ou » does not. */
export function evaluerCondition(condition: Condition, valeurs: Readonly<Record<string, unknown>>): boolean {
  if (isComparison(condition)) return evaluerComparaison(condition, valeurs[condition.champId]);
  if ('all' in condition) return condition.all.every((child) => evaluerCondition(child, valeurs));
  return condition.any.some((child) => evaluerCondition(child, valeurs));
}

/**
 * The ids of the champs the usager sees, in form order. A hidden champ's value counts as empty for the conditions
 * of later champs, so hiding cascades (a champ that depends on a hidden one is judged as if it were unanswered).
 */
export function champsVisibles(
  champs: ReadonlyArray<{ id: string; condition?: Condition | null }>,
  valeurs: Readonly<Record<string, unknown>>,
): Set<string> {
  const visibles = new Set<string>();
  const vues: Record<string, unknown> = {};
  for (const champ of champs) {
    if (!champ.condition || evaluerCondition(champ.condition, vues)) {
      visibles.add(champ.id);
      vues[champ.id] = valeurs[champ.id];
    }
  }
  return visibles;
}
