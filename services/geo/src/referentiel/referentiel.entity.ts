/** Reference entities of the localisation champs (régions, départements, EPCI, pays), as the service exposes them. */

export interface Region {
  code: string;
  nom: string;
  /** INSEE code of the préfecture de région. */
  chefLieu: string;
  /** metro, drom or com, as in the COG. */
  zone: string;
}

export interface Departement {
  /** `01`…`95`, `2A`/`2B` for Corse, `971`…`976` for the DROM, `975`/`977`/`978`/`98x` for the COM. */
  code: string;
  nom: string;
  /** Code of the région; the COM (975, 977…) are their own "région" in the COG. */
  region: string;
  chefLieu: string;
  zone: string;
}

export interface EpciMembre {
  codeInsee: string;
  nom: string;
}

/** An EPCI à fiscalité propre (DGCL list): CC, CA, CU, métropoles and the Métropole de Lyon (MET69). */
export interface Epci {
  /** SIREN number. */
  code: string;
  nom: string;
  type: string;
  population: number | null;
  /** Départements of its member communes: an EPCI can straddle several. */
  departements: string[];
  membres: EpciMembre[];
}

/** The list view: without the member communes, which can run to a hundred or more. */
export type EpciResume = Omit<Epci, 'membres'>;

export interface Pays {
  /** ISO 3166-1 alpha-2. */
  code: string;
  nom: string;
}
