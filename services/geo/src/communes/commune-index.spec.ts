import { CommuneIndex } from './commune-index';
import { Commune } from './commune.entity';
import { matchQuality, normalizedName } from './name-match';
import { normalizeName } from './normalize';
import { loadCommunes } from './reference-data';

describe(CommuneIndex.name, () => {
  let index: CommuneIndex;
  const names = (q: string, limit = 10): string[] => index.search(q, limit).map((c) => c.nom);
  const codes = (q: string, limit = 10): string[] => index.search(q, limit).map((c) => c.codeInsee);

  let communes: Commune[];

  beforeAll(() => {
    communes = loadCommunes();
    index = new CommuneIndex(communes);
  });

  it('answers only current communes by default', () => {
    expect(communes.filter((c) => c.type === 'commune-actuelle').length).toBeGreaterThan(34_000);
    // Lyon 1er arrondissement (arrondissement municipal) and Annecy-le-Vieux (commune déléguée) are not communes.
    expect(index.byInseeCode('69381')).toBeUndefined();
    expect(index.search('annecy le vieux', 5)).toEqual([]);
  });

  it('ranks an exact name first, then by population', () => {
    expect(codes('saint etienne')[0]).toBe('42218');
    expect(names('lyon')[0]).toBe('Lyon');
    expect(names('paris')[0]).toBe('Paris');
  });

  it('ranks name prefixes before word prefixes', () => {
    const result = index.search('saint etienne', 20);
    expect(result[0].nom).toBe('Saint-Étienne');
    expect(result.slice(1).every((c) => c.nom.startsWith('Saint-Étienne'))).toBe(true);
    // "etienne" only matches inside a name: word prefix, most populous first.
    expect(names('etienne', 1)).toEqual(['Saint-Étienne']);
  });

  it('orders equal-quality matches by population', () => {
    const result = index.search('saint denis', 5);
    expect(result[0].nom).toBe('Saint-Denis');
    const populations = result.slice(0, 2).map((c) => c.population ?? 0);
    expect(populations[0]).toBeGreaterThanOrEqual(populations[1]);
  });

  it('ignores accents, case, hyphens and apostrophes in the query', () => {
    expect(codes('SAINT-ÉTIENNE')[0]).toBe('42218');
    expect(codes('saint étienne')[0]).toBe('42218');
    expect(names("l'abergement clemenciat")).toEqual(["L'Abergement-Clémenciat"]);
  });

  it('accepts "st" for "saint"', () => {
    expect(codes('st etienne')[0]).toBe('42218');
    expect(names('ste maxime')[0]).toBe('Sainte-Maxime');
  });

  it('finds communes by postal code, most populous first', () => {
    expect(names('69001')[0]).toBe('Lyon');
    expect(names('13008')[0]).toBe('Marseille');
    const shared = index.search('01400', 10);
    expect(shared.length).toBeGreaterThan(1);
    expect(shared.every((c) => c.codesPostaux.includes('01400'))).toBe(true);
  });

  it('finds communes by INSEE code, after the postal code matches', () => {
    expect(names('42218')).toEqual(['Saint-Étienne']);
    // 69001 is Lyon's postal code and Affoux's INSEE code.
    expect(names('69001')).toEqual(['Lyon', 'Affoux']);
    expect(index.byInseeCode('69123')?.nom).toBe('Lyon');
  });

  it('handles the Corse departments 2A and 2B', () => {
    expect(names('2A004')).toEqual(['Ajaccio']);
    expect(names('2a004')).toEqual(['Ajaccio']);
    expect(index.byInseeCode('2B033')?.nom).toBe('Bastia');
    expect(names('20000')).toContain('Ajaccio');
    expect(index.search('bastia', 1)[0].departement).toBe('2B');
  });

  it('covers the overseas departments 971 to 976', () => {
    expect(index.search('pointe a pitre', 1)[0]).toMatchObject({ departement: '971', zone: 'drom' });
    expect(index.search('fort de france', 1)[0].departement).toBe('972');
    expect(index.search('cayenne', 1)[0].departement).toBe('973');
    expect(index.search('97400', 1)[0]).toMatchObject({ nom: 'Saint-Denis', departement: '974' });
    expect(index.byInseeCode('97502')?.departement).toBe('975');
    expect(index.search('mamoudzou', 1)[0].departement).toBe('976');
  });

  it('honours the limit and returns nothing for an empty query', () => {
    expect(index.search('saint', 3)).toHaveLength(3);
    expect(index.search('  ', 10)).toEqual([]);
    expect(index.search('zzzzzz', 10)).toEqual([]);
  });

  it('finds communes déléguées and associées on request, flagged, after the communes actuelles', () => {
    const types = ['commune-actuelle', 'commune-deleguee', 'commune-associee'] as const;
    const annecy = index.search('annecy', 10, { types });
    expect(annecy[0]).toMatchObject({ nom: 'Annecy', type: 'commune-actuelle' });
    expect(annecy.find((c) => c.nom === 'Annecy-le-Vieux')).toMatchObject({
      type: 'commune-deleguee',
      chefLieu: '74010',
      departement: '74',
    });
    const firstFormer = annecy.findIndex((c) => c.type !== 'commune-actuelle');
    expect(annecy.slice(firstFormer).every((c) => c.type !== 'commune-actuelle')).toBe(true);
    // The déléguée "siège" with the same name and code as its commune nouvelle is not listed twice.
    expect(annecy.filter((c) => c.nom === 'Annecy')).toHaveLength(1);
    expect(index.search('cordieux', 5, { types })).toEqual([
      expect.objectContaining({ codeInsee: '01120', type: 'commune-associee', chefLieu: '01262' }),
    ]);
    expect(index.search('cordieux', 5, { types: ['commune-deleguee'] })).toEqual([]);
  });

  it('restricts a search to one département, Corse and overseas included', () => {
    const inReunion = index.search('saint', 50, { departement: '974' });
    expect(inReunion.length).toBeGreaterThan(5);
    expect(inReunion.every((c) => c.departement === '974')).toBe(true);
    expect(index.search('saint denis', 1, { departement: '974' })[0]?.codeInsee).toBe('97411');
    expect(index.search('bastia', 5, { departement: '2a' })).toEqual([]);
    expect(index.search('20200', 5, { departement: '2B' }).map((c) => c.nom)).toContain('Bastia');
  });

  it("gives each commune its EPCI, and a former commune its chef-lieu's", () => {
    expect(index.byInseeCode('69123')?.epci).toBe('200046977');
    expect(index.byInseeCode('97411')?.epci).toBe('249740119');
    const annecyLeVieux = index.search('annecy le vieux', 1, { types: ['commune-deleguee'] })[0];
    expect(annecyLeVieux?.epci).toBe(index.byInseeCode('74010')?.epci);
    // A few islands belong to no EPCI.
    expect(index.byInseeCode('85113')?.epci).toBeNull();
  });

  it('answers exactly what a full scan of every name would, in the same order', () => {
    const scan = (q: string, limit: number): string[] => {
      const n = normalizeName(q);
      return communes
        .filter((c) => c.type === 'commune-actuelle')
        .map((c) => ({ c, quality: matchQuality(normalizedName(c.nom), n) }))
        .filter((m) => m.quality !== undefined)
        .sort(
          (a, b) =>
            (b.quality ?? 0) - (a.quality ?? 0) ||
            (b.c.population ?? 0) - (a.c.population ?? 0) ||
            a.c.nom.localeCompare(b.c.nom, 'fr'),
        )
        .slice(0, limit)
        .map((m) => m.c.codeInsee);
    };
    for (const q of [
      's',
      'sa',
      'sai',
      'saint e',
      'le',
      'l abe',
      'y',
      'mont',
      'sur mer',
      'val',
      'ile',
      'st j',
    ]) {
      expect(index.search(q, 20).map((c) => c.codeInsee)).toEqual(scan(q, 20));
    }
  });
});
