import { Referentiel } from '../referentiel';
import { ReferentielErrorCode } from '../referentiel.exception';
import { ConsulterRegionsUseCase } from './consulter-regions.use-case';

describe(ConsulterRegionsUseCase.name, () => {
  const useCase = new ConsulterRegionsUseCase(Referentiel.load());

  it('lists every région by name and searches them', () => {
    const { source, regions } = useCase.rechercher({});
    expect(source).toMatch(/^@etalab\/decoupage-administratif@/);
    expect(regions[0]?.nom).toBe('Auvergne-Rhône-Alpes');
    expect(useCase.rechercher({ q: 'reunion' }).regions.map((r) => r.code)).toEqual(['04']);
  });

  it('returns one région with its départements', () => {
    expect(useCase.obtenir('94').region).toMatchObject({
      nom: 'Corse',
      departements: [
        { code: '2A', nom: 'Corse-du-Sud' },
        { code: '2B', nom: 'Haute-Corse' },
      ],
    });
  });

  it('refuses an unknown code with REGION_NOT_FOUND', () => {
    expect(() => useCase.obtenir('99')).toThrow(
      expect.objectContaining({ code: ReferentielErrorCode.RegionNotFound, kind: 'not_found' }),
    );
  });
});
