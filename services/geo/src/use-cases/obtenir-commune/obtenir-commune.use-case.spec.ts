import { CommuneIndex } from '../../communes/commune-index';
import { GeoErrorCode } from '../../geo.exception';
import { ObtenirCommuneUseCase } from './obtenir-commune.use-case';

describe(ObtenirCommuneUseCase.name, () => {
  const index = new CommuneIndex([
    {
      codeInsee: '2A004',
      nom: 'Ajaccio',
      codesPostaux: ['20000'],
      departement: '2A',
      region: '94',
      type: 'commune-actuelle',
      epci: null,
      zone: 'metro',
      population: 76_320,
    },
  ]);
  const useCase = new ObtenirCommuneUseCase(index, {
    name: '@etalab/decoupage-administratif',
    version: '6.0.0',
  });

  it('returns the commune of an INSEE code, whatever its case', () => {
    expect(useCase.execute('2a004').commune.nom).toBe('Ajaccio');
  });

  it('refuses an unknown code with COMMUNE_NOT_FOUND', () => {
    expect(() => useCase.execute('99999')).toThrow(
      expect.objectContaining({ code: GeoErrorCode.CommuneNotFound, kind: 'not_found' }),
    );
  });
});
