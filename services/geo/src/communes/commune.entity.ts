/** A current commune (COG type `commune-actuelle`) as the geo service exposes it. */
export interface Commune {
  codeInsee: string;
  nom: string;
  codesPostaux: string[];
  departement: string;
  region: string;
  /** metro, drom (971–976) or com (collectivités d'outre-mer) as in the reference data. */
  zone: string;
  population: number | null;
}
