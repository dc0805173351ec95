import { Referentiel } from '../referentiel';
import { ReferentielErrorCode } from '../referentiel.exception';
import { ConsulterPaysUseCase } from './consulter-pays.use-case';

describe(ConsulterPaysUseCase.name, () => {
  const useCase = new ConsulterPaysUseCase(Referentiel.load());

  it('lists the pays in French alphabetical order, with the package version as source', () => {
    const { source, pays } = useCase.rechercher({});
    expect(source).toMatch(/^i18n-iso-countries@/);
    expect(pays.slice(0, 2).map((p) => p.nom)).toEqual(['Afghanistan', 'Afrique du Sud']);
    expect(pays[0]).toEqual({ code: 'AF', nom: 'Afghanistan' });
  });

  it('finds "allemagne" and "etats unis" by their French names', () => {
    expect(useCase.rechercher({ q: 'allemagne' }).pays).toEqual([{ code: 'DE', nom: 'Allemagne' }]);
    expect(useCase.rechercher({ q: 'etats unis', limit: 1 }).pays).toEqual([
      { code: 'US', nom: "États-Unis d'Amérique" },
    ]);
  });

  it('looks a code up in either case and refuses an unknown one with PAYS_NOT_FOUND', () => {
    expect(useCase.obtenir('fr').pays).toEqual({ code: 'FR', nom: 'France' });
    expect(() => useCase.obtenir('ZZ')).toThrow(
      expect.objectContaining({ code: ReferentielErrorCode.PaysNotFound, kind: 'not_found' }),
    );
  });
});
