import { Referentiel } from '../referentiel';
import { ReferentielErrorCode } from '../referentiel.exception';
import { ConsulterDepartementsUseCase } from './consulter-departements.use-case';

describe(ConsulterDepartementsUseCase.name, () => {
  const useCase = new ConsulterDepartementsUseCase(Referentiel.load());
  const codes = (input: Parameters<ConsulterDepartementsUseCase['rechercher']>[0]): string[] =>
    useCase.rechercher(input).departements.map((d) => d.code);

  it('lists every département in administrative order, Corse in place and overseas last', () => {
    const all = codes({});
    expect(all).toHaveLength(109);
    expect(all.slice(27, 31)).toEqual(['29', '2A', '2B', '30']);
    expect(all.slice(96, 102)).toEqual(['971', '972', '973', '974', '975', '976']);
  });

  it('searches by name or code, within a région when asked, within the limit', () => {
    expect(codes({ q: 'haute' }).slice(0, 2)).toEqual(['05', '2B']);
    expect(codes({ q: 'haute', region: '84' })).toEqual(['43', '74']);
    expect(codes({ q: '974' })).toEqual(['974']);
    expect(codes({ region: '94' })).toEqual(['2A', '2B']);
    expect(codes({ q: 'savoie', limit: 1 })).toEqual(['73']);
  });

  it('refuses an unknown code with DEPARTEMENT_NOT_FOUND', () => {
    expect(useCase.obtenir('2b').departement.nom).toBe('Haute-Corse');
    expect(() => useCase.obtenir('20')).toThrow(
      expect.objectContaining({
        code: ReferentielErrorCode.DepartementNotFound,
        kind: 'not_found',
        details: { code: '20' },
      }),
    );
  });
});
