import { MatchQuality, matchQuality, normalizedName, NormalizedName } from '../communes/name-match';
import { normalizeName } from '../communes/normalize';

export interface NameIndexOptions<T> {
  code: (item: T) => string;
  /** Searchable texts: the name first, then codes or aliases ("69", "CA" spelt out); the best match counts. */
  keys: (item: T) => string[];
  /** Order of the full list and among equally good matches. */
  compare: (a: T, b: T) => number;
}

interface Entry<T> {
  item: T;
  keys: NormalizedName[];
}

/**
 * Lookup by code and ranked name search for the small referentiels (26 régions, 109 départements, 1 255 EPCI,
 * 250 pays): a linear scan over pre-normalised keys costs microseconds here, so no bucket index as for communes.
 * Ranking is the communes' one: exact, then prefix, then word prefix, then the kind's own order.
 */
export class NameIndex<T> {
  private readonly entries: Entry<T>[];
  private readonly byCode: Map<string, T>;

  constructor(items: readonly T[], options: NameIndexOptions<T>) {
    this.entries = [...items]
      .sort(options.compare)
      .map((item) => ({ item, keys: options.keys(item).map(normalizedName) }));
    this.byCode = new Map(items.map((item) => [options.code(item).toUpperCase(), item]));
  }

  get size(): number {
    return this.entries.length;
  }

  /** Codes are compared case-insensitively: `2a` is Corse-du-Sud, `de` is Germany. */
  get(code: string): T | undefined {
    return this.byCode.get(code.trim().toUpperCase());
  }

  all(accept: (item: T) => boolean = () => true): T[] {
    return this.entries.map((e) => e.item).filter(accept);
  }

  search(query: string, limit: number, accept: (item: T) => boolean = () => true): T[] {
    const q = normalizeName(query);
    if (q.length === 0) return [];
    const matches: { item: T; quality: MatchQuality }[] = [];
    for (const entry of this.entries) {
      const quality = bestQuality(entry.keys, q);
      if (quality !== undefined && accept(entry.item)) matches.push({ item: entry.item, quality });
    }
    // Array.prototype.sort is stable: equal qualities keep the pre-sorted order.
    matches.sort((a, b) => b.quality - a.quality);
    return matches.slice(0, limit).map((m) => m.item);
  }
}

function bestQuality(keys: readonly NormalizedName[], q: string): MatchQuality | undefined {
  let best: MatchQuality | undefined;
  for (const key of keys) {
    const quality = matchQuality(key, q);
    if (quality !== undefined && (best === undefined || quality > best)) best = quality;
  }
  return best;
}
