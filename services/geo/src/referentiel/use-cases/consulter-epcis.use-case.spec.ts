import { Referentiel } from '../referentiel';
import { ReferentielErrorCode } from '../referentiel.exception';
import { ConsulterEpcisUseCase } from './consulter-epcis.use-case';

describe(ConsulterEpcisUseCase.name, () => {
  const useCase = new ConsulterEpcisUseCase(Referentiel.load());

  it('lists the EPCI of a département without their members, most populous first', () => {
    const { epcis } = useCase.rechercher({ departement: '974' });
    expect(epcis.map((e) => e.nom)).toHaveLength(5);
    expect(epcis.every((e) => e.departements.includes('974'))).toBe(true);
    expect(epcis[0]).not.toHaveProperty('membres');
    expect(useCase.rechercher({ q: 'cinor', departement: '971' }).epcis).toEqual([]);
  });

  it('returns one EPCI with its member communes', () => {
    const { epci } = useCase.obtenir('200046977');
    expect(epci.nom).toBe('Métropole de Lyon');
    expect(epci.membres.length).toBeGreaterThan(50);
  });

  it('refuses an unknown SIREN with EPCI_NOT_FOUND', () => {
    expect(() => useCase.obtenir('123456789')).toThrow(
      expect.objectContaining({ code: ReferentielErrorCode.EpciNotFound, kind: 'not_found' }),
    );
  });
});
