import { readFileSync } from 'node:fs';
import { Commune, COMMUNE_TYPES, CommuneType } from './commune.entity';
import { normalizeName } from './normalize';

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
  chefLieu?: string;
}

interface RawEpciMembership {
  code: string;
  membres: { code: string }[];
}

export const ETALAB_PACKAGE = '@etalab/decoupage-administratif';

export function referenceSource(): ReferenceSource {
  return { name: ETALAB_PACKAGE, version: readEtalabFile<{ version: string }>('package.json').version };
}

/** Reads one JSON file of the Etalab package (COG communes, départements, régions, DGCL EPCI). */
export function readEtalabFile<T>(file: string): T {
  return JSON.parse(readFileSync(require.resolve(`${ETALAB_PACKAGE}/${file}`), 'utf8')) as T;
}

/**
 * Reads the COG communes shipped by the Etalab package: communes actuelles, plus the communes déléguées/associées
 * (former communes merged into a commune nouvelle) that usagers still name as their village. Arrondissements
 * municipaux are dropped. The EPCI of a commune comes from the DGCL membership lists in epci.json; a former
 * commune belongs to its chef-lieu's EPCI, since the commune nouvelle is the member.
 */
export function loadCommunes(): Commune[] {
  const raw = readEtalabFile<RawCommune[]>('data/communes.json');
  const epciOf = epciByCommune(readEtalabFile<RawEpciMembership[]>('data/epci.json'));
  const actuelles = new Map(raw.filter((c) => c.type === 'commune-actuelle').map((c) => [c.code, c]));
  return raw
    .filter((c): c is RawCommune & { type: CommuneType } => isCommuneType(c.type))
    .filter((c) => !isSiegeDuplicate(c, actuelles))
    .map((c) => ({
      codeInsee: c.code,
      nom: c.nom,
      type: c.type,
      codesPostaux: c.codesPostaux ?? [],
      departement: c.departement,
      region: c.region,
      epci: epciOf.get(c.chefLieu ?? c.code) ?? null,
      zone: c.zone,
      population: c.population ?? null,
      ...(c.chefLieu ? { chefLieu: c.chefLieu } : {}),
    }));
}

function epciByCommune(epcis: readonly RawEpciMembership[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const epci of epcis) for (const membre of epci.membres) map.set(membre.code, epci.code);
  return map;
}

function isCommuneType(type: string): type is CommuneType {
  return (COMMUNE_TYPES as readonly string[]).includes(type);
}

/**
 * The commune déléguée "siège" often carries the same code and name as its commune nouvelle (Annecy 74010):
 * listing it would show the same commune twice, so only the commune actuelle is kept.
 */
function isSiegeDuplicate(c: RawCommune, actuelles: Map<string, RawCommune>): boolean {
  if (c.type === 'commune-actuelle' || !c.chefLieu || c.chefLieu !== c.code) return false;
  const chefLieu = actuelles.get(c.chefLieu);
  return chefLieu !== undefined && normalizeName(chefLieu.nom) === normalizeName(c.nom);
}
