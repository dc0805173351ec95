import { CommuneIndex } from './commune-index';
import { loadCommunes } from './reference-data';

describe(CommuneIndex.name, () => {
  let index: CommuneIndex;
  const names = (q: string, limit = 10): string[] => index.search(q, limit).map((c) => c.nom);
  const codes = (q: string, limit = 10): string[] => index.search(q, limit).map((c) => c.codeInsee);

  beforeAll(() => {
    index = new CommuneIndex(loadCommunes());
  });

  it('keeps only current communes', () => {
    expect(index.size).toBeGreaterThan(34_000);
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
});
