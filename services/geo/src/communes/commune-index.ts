import { Commune } from './commune.entity';
import { normalizeName } from './normalize';

/** How well a commune name matches the query; higher ranks first, then population. */
export enum MatchQuality {
  WordPrefix = 1,
  Prefix = 2,
  Exact = 3,
}

interface IndexedCommune {
  commune: Commune;
  /** normalized name with a leading space, so a word-prefix test is a single `includes(' ' + q)`. */
  spacedName: string;
  name: string;
}

const POSTAL_CODE = /^\d{5}$/;
// INSEE codes: two department characters (digits, or 2A/2B for Corse) and three digits; overseas 97x/98x fit too.
const INSEE_CODE = /^(\d{2}|2[AB])\d{3}$/i;

/**
 * In-memory index of the communes, built once at boot. 35 000 entries are small enough that a scan over
 * pre-normalized names answers in about a millisecond, so no trie is needed; postal and INSEE codes use maps.
 */
export class CommuneIndex {
  private readonly entries: IndexedCommune[];
  private readonly byCode = new Map<string, Commune>();
  private readonly byPostalCode = new Map<string, Commune[]>();

  constructor(communes: readonly Commune[]) {
    this.entries = communes.map((commune) => {
      const name = normalizeName(commune.nom);
      return { commune, name, spacedName: ` ${name}` };
    });
    for (const commune of communes) {
      this.byCode.set(commune.codeInsee, commune);
      for (const postalCode of commune.codesPostaux) {
        const list = this.byPostalCode.get(postalCode) ?? [];
        list.push(commune);
        this.byPostalCode.set(postalCode, list);
      }
    }
  }

  get size(): number {
    return this.entries.length;
  }

  byInseeCode(code: string): Commune | undefined {
    return this.byCode.get(code.toUpperCase());
  }

  search(query: string, limit: number): Commune[] {
    const trimmed = query.trim();
    if (POSTAL_CODE.test(trimmed) || INSEE_CODE.test(trimmed)) return this.searchByCode(trimmed, limit);
    const q = normalizeName(trimmed);
    if (q.length === 0) return [];
    const matches: { commune: Commune; quality: MatchQuality }[] = [];
    for (const entry of this.entries) {
      const quality = matchQuality(entry, q);
      if (quality !== undefined) matches.push({ commune: entry.commune, quality });
    }
    matches.sort((a, b) => b.quality - a.quality || comparePopulation(a.commune, b.commune));
    return matches.slice(0, limit).map((m) => m.commune);
  }

  /**
   * A five-digit string can be a postal code or an INSEE code ("69001" is Lyon 1er's postal code and Affoux's
   * INSEE code). Users type postal codes far more often, so postal matches come first (by population), then the
   * commune whose INSEE code it is.
   */
  private searchByCode(code: string, limit: number): Commune[] {
    const byPostal = [...(this.byPostalCode.get(code) ?? [])].sort(comparePopulation);
    const exact = this.byInseeCode(code);
    const result = exact && !byPostal.includes(exact) ? [...byPostal, exact] : byPostal;
    return result.slice(0, limit);
  }
}

function matchQuality(entry: IndexedCommune, q: string): MatchQuality | undefined {
  if (entry.name === q) return MatchQuality.Exact;
  if (entry.name.startsWith(q)) return MatchQuality.Prefix;
  if (entry.spacedName.includes(` ${q}`)) return MatchQuality.WordPrefix;
  return undefined;
}

function comparePopulation(a: Commune, b: Commune): number {
  return (b.population ?? 0) - (a.population ?? 0) || a.nom.localeCompare(b.nom, 'fr');
}
