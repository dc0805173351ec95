import { ChampValue } from '../domain/champs/types';

/**
 * FerretDB v1 (development and CI, ADR 0003) refuses nested arrays, which GeoJSON coordinates are. Any array holding
 * an array is stored as its JSON text under this single key and restored on read; MongoDB would not need it, and
 * the stored shape stays the same everywhere (ADR 0013).
 */
const NESTED = '__nestedArrayJson';

function encode(value: unknown): unknown {
  if (Array.isArray(value)) {
    if (value.some(Array.isArray)) return { [NESTED]: JSON.stringify(value) };
    return value.map(encode);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, encode(item)]));
  }
  return value;
}

function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0][0] === NESTED && typeof entries[0][1] === 'string')
      return JSON.parse(entries[0][1]) as unknown;
    return Object.fromEntries(entries.map(([key, item]) => [key, decode(item)]));
  }
  return value;
}

export function champsToStorage(champs: Record<string, ChampValue>): Record<string, unknown> {
  return encode(champs) as Record<string, unknown>;
}

export function champsFromStorage(champs: Record<string, unknown> | undefined): Record<string, ChampValue> {
  return (decode(champs ?? {}) ?? {}) as Record<string, ChampValue>;
}
