import { NameIndex } from './name-index';

interface Item {
  code: string;
  nom: string;
}

describe(NameIndex.name, () => {
  const index = new NameIndex<Item>(
    [
      { code: '73', nom: 'Savoie' },
      { code: '74', nom: 'Haute-Savoie' },
      { code: '2A', nom: 'Corse-du-Sud' },
      { code: '2B', nom: 'Haute-Corse' },
      { code: '974', nom: 'La Réunion' },
      { code: '971', nom: 'Guadeloupe' },
    ],
    { code: (i) => i.code, keys: (i) => [i.nom, i.code], compare: (a, b) => a.code.localeCompare(b.code) },
  );
  const codes = (q: string, limit = 10): string[] => index.search(q, limit).map((i) => i.code);

  it('ranks an exact name, then name prefixes, then word prefixes', () => {
    expect(codes('savoie')).toEqual(['73', '74']);
    expect(codes('haute')).toEqual(['2B', '74']);
    expect(codes('corse')).toEqual(['2A', '2B']);
  });

  it('ignores accents, case and punctuation', () => {
    expect(codes('REUNION')).toEqual(['974']);
    expect(codes('la-réunion')).toEqual(['974']);
  });

  it('matches codes as keys: an exact code ranks first, a code prefix after it', () => {
    expect(codes('2a')).toEqual(['2A']);
    expect(codes('97')).toEqual(['971', '974']);
  });

  it('looks codes up case-insensitively and lists everything in the given order', () => {
    expect(index.get('2b')?.nom).toBe('Haute-Corse');
    expect(index.get(' 974 ')?.nom).toBe('La Réunion');
    expect(index.get('99')).toBeUndefined();
    expect(index.all().map((i) => i.code)).toEqual(['2A', '2B', '73', '74', '971', '974']);
    expect(index.all((i) => i.code.startsWith('97')).map((i) => i.code)).toEqual(['971', '974']);
  });

  it('honours the limit and the filter, and finds nothing for an empty query', () => {
    expect(codes('haute', 1)).toEqual(['2B']);
    expect(index.search('haute', 10, (i) => i.code !== '2B').map((i) => i.code)).toEqual(['74']);
    expect(codes(' - ')).toEqual([]);
  });
});
