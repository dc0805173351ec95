import { readFileSync } from 'node:fs';
import { Commune } from './commune.entity';

/** Name and version of the official reference data, returned with every answer as its `source`. */
export interface ReferenceSource {
  name: string;
  version: string;
}

interface RawCommune {
  code: string;
  nom: string;
  type: string;
  zone: string;
  departement: string;
  region: string;
  codesPostaux?: string[];
  population?: number;
}

const PACKAGE = '@etalab/decoupage-administratif';

export function referenceSource(): ReferenceSource {
  const pkg = JSON.parse(readFileSync(require.resolve(`${PACKAGE}/package.json`), 'utf8')) as {
    version: string;
  };
  return { name: PACKAGE, version: pkg.version };
}

/**
 * Reads the COG communes shipped by the Etalab package. Only `commune-actuelle` entries are kept: communes
 * déléguées/associées and arrondissements municipaux are not valid answers for a "commune" champ.
 */
export function loadCommunes(): Commune[] {
  const raw = JSON.parse(
    readFileSync(require.resolve(`${PACKAGE}/data/communes.json`), 'utf8'),
  ) as RawCommune[];
  return raw
    .filter((c) => c.type === 'commune-actuelle')
    .map((c) => ({
      codeInsee: c.code,
      nom: c.nom,
      codesPostaux: c.codesPostaux ?? [],
      departement: c.departement,
      region: c.region,
      zone: c.zone,
      population: c.population ?? null,
    }));
}
