import { normalizeName } from './normalize';

describe(normalizeName.name, () => {
  it('strips accents and lowercases', () => {
    expect(normalizeName('Saint-Étienne')).toBe('saint etienne');
    expect(normalizeName('ÎLE-D’YEU')).toBe('ile d yeu');
  });

  it('turns hyphens and apostrophes into single spaces', () => {
    expect(normalizeName("L'Abergement-Clémenciat")).toBe('l abergement clemenciat');
    expect(normalizeName('  Saint -- Denis  ')).toBe('saint denis');
  });

  it('expands the st/ste abbreviations only as whole words', () => {
    expect(normalizeName('St Etienne')).toBe('saint etienne');
    expect(normalizeName('Ste-Maxime')).toBe('sainte maxime');
    expect(normalizeName('Stenay')).toBe('stenay');
  });

  it('spells out ligatures', () => {
    expect(normalizeName('Œuilly')).toBe('oeuilly');
  });
});
