import { readEtalabFile } from '../communes/reference-data';
import { Departement, Epci, Region } from './referentiel.entity';

interface RawZone {
  code: string;
  nom: string;
  chefLieu: string;
  zone: string;
}

interface RawDepartement extends RawZone {
  region: string;
}

interface RawEpci {
  code: string;
  nom: string;
  type: string;
  populationTotale?: number;
  membres: { code: string; nom: string }[];
}

export function loadRegions(): Region[] {
  return readEtalabFile<RawZone[]>('data/regions.json').map(({ code, nom, chefLieu, zone }) => ({
    code,
    nom,
    chefLieu,
    zone,
  }));
}

export function loadDepartements(): Departement[] {
  return readEtalabFile<RawDepartement[]>('data/departements.json').map(
    ({ code, nom, region, chefLieu, zone }) => ({ code, nom, region, chefLieu, zone }),
  );
}

/**
 * EPCI from the DGCL list shipped in the package. Their départements are derived from the members' INSEE codes
 * (97x for overseas, 2A/2B for Corse): the list has no département field, and some EPCI span two.
 */
export function loadEpcis(): Epci[] {
  return readEtalabFile<RawEpci[]>('data/epci.json').map((raw) => {
    const membres = raw.membres.map((m) => ({ codeInsee: m.code, nom: m.nom }));
    return {
      code: raw.code,
      nom: raw.nom,
      type: raw.type,
      population: raw.populationTotale ?? null,
      departements: [...new Set(membres.map((m) => departementOf(m.codeInsee)))].sort(),
      membres,
    };
  });
}

/** The département of an INSEE commune code: three characters overseas (97x, 98x), two elsewhere (2A, 2B…). */
export function departementOf(codeInsee: string): string {
  return codeInsee.startsWith('97') || codeInsee.startsWith('98')
    ? codeInsee.slice(0, 3)
    : codeInsee.slice(0, 2);
}
