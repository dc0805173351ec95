import { normalizeName } from './normalize';

/** How well a name matches the query; higher ranks first, then each kind's own order (population, code…). */
export enum MatchQuality {
  WordPrefix = 1,
  Prefix = 2,
  Exact = 3,
}

/** A name normalised once at index time, with a leading-space copy so a word-prefix test is one `includes`. */
export interface NormalizedName {
  name: string;
  spaced: string;
}

export function normalizedName(value: string): NormalizedName {
  const name = normalizeName(value);
  return { name, spaced: ` ${name}` };
}

/** `q` must already be normalised with {@link normalizeName}. */
export function matchQuality(target: NormalizedName, q: string): MatchQuality | undefined {
  if (target.name === q) return MatchQuality.Exact;
  if (target.name.startsWith(q)) return MatchQuality.Prefix;
  if (target.spaced.includes(` ${q}`)) return MatchQuality.WordPrefix;
  return undefined;
}
