/** BAN result types, as the BAN names them. */
export const ADRESSE_TYPES = ['housenumber', 'street', 'locality', 'municipality'] as const;
export type AdresseType = (typeof ADRESSE_TYPES)[number];

/** One BAN suggestion as geo exposes it (the BAN properties the adresse champ stores, plus the point). */
export interface AdresseSuggestion {
  /** BAN id ("75107_8909_00020"): what the dossier stores to prove the address came from the BAN. */
  id: string;
  label: string;
  type: AdresseType;
  /** BAN relevance, 0..1. */
  score: number;
  housenumber?: string;
  street?: string;
  name?: string;
  postcode?: string;
  citycode: string;
  city: string;
  /** "75, Paris, Île-de-France": département code, département name, région. */
  context?: string;
  departementCode?: string;
  /** WGS 84 [longitude, latitude], as GeoJSON. */
  coordinates: [number, number];
  /** Lambert 93 projection (EPSG:2154), as the BAN gives it. */
  x?: number;
  y?: number;
}

export interface AdresseSearch {
  q: string;
  limit: number;
  postcode?: string;
  citycode?: string;
  type?: AdresseType;
  /** true while the usager types (BAN matches the last word as a prefix). */
  autocomplete: boolean;
}
