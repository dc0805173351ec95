import { ChampDescriptor } from '../revision';
import { accept, isString, refuse, ShapeValidator, Verdict } from './types';

// Numbers are stored as JSON numbers. A French decimal typed as text ("12,5", "1 200") is accepted and converted,
// since forms send what the usager typed.
const DECIMAL_TEXT = /^[+-]?\d+(?:[.,]\d+)?$/;

function nombre(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (!isString(value)) return null;
  const compact = value.replace(/[\s\u00a0\u202f]/g, '');
  return DECIMAL_TEXT.test(compact) ? Number(compact.replace(',', '.')) : null;
}

/** Optional bounds an administrateur may set (settings_json `{ "min": 0, "max": 100 }`). */
function bornes(n: number, champ: ChampDescriptor): Verdict<number> {
  const { min, max } = (champ.settings ?? {}) as { min?: unknown; max?: unknown };
  if (typeof min === 'number' && n < min) return refuse(`doit être supérieur ou égal à ${min}`);
  if (typeof max === 'number' && n > max) return refuse(`doit être inférieur ou égal à ${max}`);
  return accept(n);
}

export const integerNumber: ShapeValidator = (value, champ) => {
  const n = nombre(value);
  if (n === null || !Number.isInteger(n)) return refuse('doit être un nombre entier (exemple : 42)');
  if (!Number.isSafeInteger(n)) return refuse('est trop grand');
  return bornes(n, champ);
};

export const decimalNumber: ShapeValidator = (value, champ) => {
  const n = nombre(value);
  if (n === null) return refuse('doit être un nombre (exemple : 12,5)');
  if (Math.abs(n) > Number.MAX_SAFE_INTEGER) return refuse('est trop grand');
  return bornes(n, champ);
};
