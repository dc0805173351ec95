import { Commune, CommuneType } from './commune.entity';
import { MatchQuality, matchQuality, normalizedName, NormalizedName } from './name-match';
import { normalizeName } from './normalize';

export { MatchQuality } from './name-match';

/** Narrows a search: by default only communes actuelles, anywhere. */
export interface CommuneFilter {
  types?: readonly CommuneType[];
  /** Département code (`69`, `2A`, `974`). */
  departement?: string;
}

interface IndexedCommune {
  commune: Commune;
  name: NormalizedName;
  /** 0 for communes actuelles, 1 for déléguées/associées: former communes always rank after current ones. */
  rank: number;
}

const POSTAL_CODE = /^\d{5}$/;
// INSEE codes: two department characters (digits, or 2A/2B for Corse) and three digits; overseas 97x/98x fit too.
const INSEE_CODE = /^(\d{2}|2[AB])\d{3}$/i;
const DEFAULT_TYPES: readonly CommuneType[] = ['commune-actuelle'];
// Every match (exact, prefix or word prefix) starts at a word start, so the first two characters there select
// the candidates; a query shorter than this scans everything.
const BUCKET_KEY_LENGTH = 2;
const RANKS = 2;
const QUALITIES = 3;

/**
 * In-memory index of the communes, built once at boot (≈ 100 ms). Entries are pre-sorted in answer order (current
 * communes first, then population, then name), so a search only sorts by match quality, which it does by dropping
 * matches into one slot per (rank, quality) and concatenating: no per-query sort. Candidates come from a map of
 * word-start bigrams, which turns a 37 000-name scan into a few thousand `startsWith` tests at worst ("sa…").
 */
export class CommuneIndex {
  private readonly entries: IndexedCommune[];
  private readonly byCode = new Map<string, Commune>();
  private readonly formerByCode = new Map<string, Commune[]>();
  private readonly byPostalCode = new Map<string, Commune[]>();
  private readonly buckets = new Map<string, IndexedCommune[]>();

  constructor(communes: readonly Commune[]) {
    this.entries = communes
      .map((commune) => ({ commune, name: normalizedName(commune.nom), rank: rankOf(commune) }))
      .sort((a, b) => a.rank - b.rank || comparePopulation(a.commune, b.commune));
    for (const entry of this.entries) this.add(entry);
  }

  get size(): number {
    return this.entries.length;
  }

  /** The commune actuelle with this INSEE code (a commune déléguée may share its chef-lieu's code). */
  byInseeCode(code: string): Commune | undefined {
    return this.byCode.get(code.toUpperCase());
  }

  search(query: string, limit: number, filter: CommuneFilter = {}): Commune[] {
    const accept = acceptor(filter);
    const trimmed = query.trim();
    if (POSTAL_CODE.test(trimmed) || INSEE_CODE.test(trimmed))
      return this.searchByCode(trimmed, limit, accept);
    const q = normalizeName(trimmed);
    if (q.length === 0 || limit <= 0) return [];
    const candidates =
      q.length >= BUCKET_KEY_LENGTH ? (this.buckets.get(q.slice(0, BUCKET_KEY_LENGTH)) ?? []) : this.entries;
    const slots: Commune[][] = Array.from({ length: RANKS * QUALITIES }, () => []);
    for (const entry of candidates) {
      const quality = matchQuality(entry.name, q);
      if (quality === undefined || !accept(entry.commune)) continue;
      const slot = slots[entry.rank * QUALITIES + (MatchQuality.Exact - quality)];
      // Candidates arrive in answer order, so the first `limit` of each slot are the only ones that can be kept.
      if (slot.length < limit) slot.push(entry.commune);
    }
    return slots.flat().slice(0, limit);
  }

  private add(entry: IndexedCommune): void {
    const { commune } = entry;
    if (commune.type === 'commune-actuelle') {
      this.byCode.set(commune.codeInsee, commune);
    } else {
      pushTo(this.formerByCode, commune.codeInsee, commune);
    }
    for (const postalCode of commune.codesPostaux) pushTo(this.byPostalCode, postalCode, commune);
    for (const key of wordStartKeys(entry.name.name)) {
      const bucket = this.buckets.get(key) ?? [];
      // A name with two words starting alike ("saint sauveur") must appear once per bucket.
      if (bucket[bucket.length - 1] !== entry) bucket.push(entry);
      this.buckets.set(key, bucket);
    }
  }

  /**
   * A five-digit string can be a postal code or an INSEE code ("69001" is Lyon 1er's postal code and Affoux's
   * INSEE code). Users type postal codes far more often, so postal matches come first (by population), then the
   * commune whose INSEE code it is, then former communes that had it.
   */
  private searchByCode(code: string, limit: number, accept: (c: Commune) => boolean): Commune[] {
    const upper = code.toUpperCase();
    const exact = this.byCode.get(upper);
    const candidates = [
      ...(this.byPostalCode.get(code) ?? []),
      ...(exact ? [exact] : []),
      ...(this.formerByCode.get(upper) ?? []),
    ];
    return [...new Set(candidates)].filter(accept).slice(0, Math.max(0, limit));
  }
}

function acceptor({ types = DEFAULT_TYPES, departement }: CommuneFilter): (c: Commune) => boolean {
  const wanted = new Set(types);
  const dep = departement?.toUpperCase();
  return (c) => wanted.has(c.type) && (dep === undefined || c.departement === dep);
}

function wordStartKeys(name: string): string[] {
  const keys = [name.slice(0, BUCKET_KEY_LENGTH)];
  for (let i = name.indexOf(' '); i !== -1; i = name.indexOf(' ', i + 1)) {
    keys.push(name.slice(i + 1, i + 1 + BUCKET_KEY_LENGTH));
  }
  return keys;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function rankOf(commune: Commune): number {
  return commune.type === 'commune-actuelle' ? 0 : 1;
}

export function comparePopulation(a: Commune, b: Commune): number {
  return (b.population ?? 0) - (a.population ?? 0) || a.nom.localeCompare(b.nom, 'fr');
}
