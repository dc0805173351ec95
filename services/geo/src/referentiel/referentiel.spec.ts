import { Referentiel } from './referentiel';

/** The real packaged data: these are the facts the champs rely on. */
describe(Referentiel.name, () => {
  let referentiel: Referentiel;
  const codes = <T extends { code: string }>(items: T[]): string[] => items.map((i) => i.code);

  beforeAll(() => {
    referentiel = Referentiel.load();
  });

  it('names the packages and versions it was built from', () => {
    expect(referentiel.sources.cog).toMatch(/^@etalab\/decoupage-administratif@\d+\.\d+\.\d+$/);
    expect(referentiel.sources.pays).toMatch(/^i18n-iso-countries@7\.\d+\.\d+$/);
  });

  it('has the 18 régions, including the five overseas ones', () => {
    const regions = referentiel.regions.all((r) => r.zone !== 'com');
    expect(regions).toHaveLength(18);
    expect(codes(regions.filter((r) => r.zone === 'drom')).sort()).toEqual(['01', '02', '03', '04', '06']);
    expect(referentiel.regions.search('ile de france', 1)[0]?.code).toBe('11');
  });

  it('has the overseas départements 971 to 976 in their régions', () => {
    for (const [code, region] of [
      ['971', '01'],
      ['972', '02'],
      ['973', '03'],
      ['974', '04'],
      ['976', '06'],
    ]) {
      expect(referentiel.departements.get(code)).toMatchObject({ code, region, zone: 'drom' });
    }
    // Saint-Pierre-et-Miquelon is a collectivité d'outre-mer, its own "région" in the COG.
    expect(referentiel.departements.get('975')).toMatchObject({ region: '975', zone: 'com' });
    expect(codes(referentiel.departements.search('reunion', 5))).toEqual(['974']);
    expect(codes(referentiel.departements.search('97', 6))).toEqual([
      '971',
      '972',
      '973',
      '974',
      '975',
      '976',
    ]);
  });

  it('has Corse as 2A and 2B, found by code in either case and by name', () => {
    expect(referentiel.departements.get('2a')).toMatchObject({ nom: 'Corse-du-Sud', region: '94' });
    expect(referentiel.departements.get('2B')).toMatchObject({ nom: 'Haute-Corse', region: '94' });
    expect(codes(referentiel.departements.search('corse', 5))).toEqual(['2A', '2B']);
    expect(referentiel.departements.get('20')).toBeUndefined();
  });

  it('lists EPCI with their member communes and départements', () => {
    const lyon = referentiel.epcis.get('200046977');
    expect(lyon).toMatchObject({ nom: 'Métropole de Lyon', type: 'MET69', departements: ['69'] });
    expect(lyon?.membres).toContainEqual({ codeInsee: '69123', nom: 'Lyon' });
    const cinor = referentiel.epcis.search('cinor', 1)[0];
    expect(cinor?.departements).toEqual(['974']);
    expect(cinor?.membres.map((m) => m.nom)).toContain('Saint-Denis');
    const ajaccio = referentiel.epcis.search('pays ajaccien', 1)[0];
    expect(ajaccio?.membres.map((m) => m.codeInsee)).toContain('2A004');
    expect(ajaccio?.departements).toEqual(['2A']);
  });

  it('finds an EPCI by its kind spelt out, by a word of its name, or by SIREN', () => {
    expect(referentiel.epcis.search("communaute d'agglomeration du pays de gex", 1)[0]?.nom).toBe(
      'CA du Pays de Gex',
    );
    expect(referentiel.epcis.search('gex', 1)[0]?.nom).toBe('CA du Pays de Gex');
    expect(referentiel.epcis.search('200046977', 1)[0]?.nom).toBe('Métropole de Lyon');
  });

  it('names the pays in French and finds them without accents', () => {
    expect(referentiel.pays.get('de')?.nom).toBe('Allemagne');
    expect(codes(referentiel.pays.search('allemagne', 5))).toEqual(['DE']);
    expect(codes(referentiel.pays.search('etats unis', 5))[0]).toBe('US');
    expect(codes(referentiel.pays.search('ROYAUME UNI', 5))).toEqual(['GB']);
    expect(codes(referentiel.pays.search("cote d'ivoire", 5))).toEqual(['CI']);
    expect(codes(referentiel.pays.search('esp', 5))).toEqual(['ES']);
    // Word prefixes: "Corée du Sud" for "sud", after names that start with it.
    expect(codes(referentiel.pays.search('sud', 20))).toContain('KR');
    expect(referentiel.pays.size).toBeGreaterThanOrEqual(249);
  });
});
