import { sourceLabel } from '../communes/commune.view';
import { referenceSource } from '../communes/reference-data';
import { loadDepartements, loadEpcis, loadRegions } from './etalab-data';
import { NameIndex } from './name-index';
import { loadPays, PaysEntry, paysSource } from './pays-data';
import { Departement, Epci, Region } from './referentiel.entity';

const byName = (a: { nom: string }, b: { nom: string }): number => a.nom.localeCompare(b.nom, 'fr');

// The DGCL list abbreviates the EPCI kind ("CC du Pays de Gex"); usagers type it in full.
const EPCI_KINDS: Readonly<Record<string, string>> = {
  CC: 'Communauté de communes',
  CA: "Communauté d'agglomération",
  CU: 'Communauté urbaine',
};

function epciKeys(epci: Epci): string[] {
  const [first, ...rest] = epci.nom.split(' ');
  const expanded = EPCI_KINDS[first] ? [`${EPCI_KINDS[first]} ${rest.join(' ')}`] : [];
  return [epci.nom, ...expanded, epci.code];
}

/**
 * The référentiels of the localisation champs, indexed once at boot (≈ 50 ms) from packages pinned in
 * package-lock.json; `sources` name the package and version each answer comes from.
 */
export class Referentiel {
  constructor(
    readonly regions: NameIndex<Region>,
    readonly departements: NameIndex<Departement>,
    readonly epcis: NameIndex<Epci>,
    readonly pays: NameIndex<PaysEntry>,
    readonly sources: { cog: string; pays: string },
  ) {}

  static load(): Referentiel {
    return Referentiel.of(loadRegions(), loadDepartements(), loadEpcis(), loadPays(), {
      cog: sourceLabel(referenceSource()),
      pays: sourceLabel(paysSource()),
    });
  }

  /** Builds the indexes from given data: tests use the real data through load(), or small fixtures here. */
  static of(
    regions: Region[],
    departements: Departement[],
    epcis: Epci[],
    pays: PaysEntry[],
    sources: { cog: string; pays: string },
  ): Referentiel {
    return new Referentiel(
      new NameIndex(regions, { code: (r) => r.code, keys: (r) => [r.nom, r.code], compare: byName }),
      // Départements keep the administrative order (01…95, 2A/2B in place, then overseas), as every list shows them.
      new NameIndex(departements, {
        code: (d) => d.code,
        keys: (d) => [d.nom, d.code],
        compare: (a, b) => a.code.localeCompare(b.code),
      }),
      new NameIndex(epcis, {
        code: (e) => e.code,
        keys: epciKeys,
        compare: (a, b) => (b.population ?? 0) - (a.population ?? 0) || byName(a, b),
      }),
      new NameIndex(pays, {
        code: (p) => p.code,
        keys: (p) => [p.nom, ...p.aliases, p.code],
        compare: byName,
      }),
      sources,
    );
  }
}
