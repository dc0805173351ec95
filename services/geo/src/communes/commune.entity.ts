/**
 * COG kinds the geo service exposes. Arrondissements municipaux (Paris, Lyon, Marseille) are left out: they are not
 * communes for a "communes" champ, and their postal codes already lead to the commune.
 */
export const COMMUNE_TYPES = ['commune-actuelle', 'commune-deleguee', 'commune-associee'] as const;
export type CommuneType = (typeof COMMUNE_TYPES)[number];

/** A commune as the geo service exposes it; only `commune-actuelle` entries are valid answers by default. */
export interface Commune {
  codeInsee: string;
  nom: string;
  /** `commune-deleguee` / `commune-associee` are former communes merged into their `chefLieu`. */
  type: CommuneType;
  codesPostaux: string[];
  departement: string;
  region: string;
  /** SIREN of the EPCI à fiscalité propre the commune belongs to; null for the few islands outside any EPCI. */
  epci: string | null;
  /** metro, drom (971–976) or com (collectivités d'outre-mer) as in the reference data. */
  zone: string;
  population: number | null;
  /** INSEE code of the commune actuelle a commune déléguée/associée belongs to. */
  chefLieu?: string;
}
