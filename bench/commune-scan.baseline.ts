// The baseline the commune index is measured against: what a first implementation would do, a plain array of
// communes scanned on every query, each name normalised on the fly, then filtered and sorted.
import { CommuneFilter } from '../services/geo/src/communes/commune-index';
import { Commune } from '../services/geo/src/communes/commune.entity';
import { matchQuality, normalizedName } from '../services/geo/src/communes/name-match';
import { normalizeName } from '../services/geo/src/communes/normalize';

const CODE = /^(\d{5}|2[AB]\d{3})$/i;

export function scanSearch(
  communes: readonly Commune[],
  query: string,
  limit: number,
  filter: CommuneFilter = {},
) {
  const types = filter.types ?? ['commune-actuelle'];
  const pool = communes.filter(
    (c) =>
      types.includes(c.type) && (filter.departement === undefined || c.departement === filter.departement),
  );
  const trimmed = query.trim();
  if (CODE.test(trimmed)) {
    const code = trimmed.toUpperCase();
    return pool
      .filter((c) => c.codesPostaux.includes(code) || c.codeInsee === code)
      .sort(
        (a, b) =>
          Number(b.codesPostaux.includes(code)) - Number(a.codesPostaux.includes(code)) || byPopulation(a, b),
      )
      .slice(0, limit);
  }
  const q = normalizeName(trimmed);
  if (q.length === 0) return [];
  return pool
    .map((commune) => ({ commune, quality: matchQuality(normalizedName(commune.nom), q) ?? 0 }))
    .filter((m) => m.quality > 0)
    .sort((a, b) => b.quality - a.quality || byPopulation(a.commune, b.commune))
    .slice(0, limit)
    .map((m) => m.commune);
}

function byPopulation(a: Commune, b: Commune): number {
  return (b.population ?? 0) - (a.population ?? 0) || a.nom.localeCompare(b.nom, 'fr');
}
