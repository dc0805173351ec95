import { CommuneIndex } from '../../communes/commune-index';
import { Commune } from '../../communes/commune.entity';
import { RechercherCommunesUseCase } from './rechercher-communes.use-case';

const commune = (codeInsee: string, nom: string, codesPostaux: string[], population: number): Commune => ({
  codeInsee,
  nom,
  type: 'commune-actuelle',
  codesPostaux,
  departement: codeInsee.slice(0, 2),
  region: '84',
  epci: null,
  zone: 'metro',
  population,
});

describe(RechercherCommunesUseCase.name, () => {
  const index = new CommuneIndex([
    commune('69123', 'Lyon', ['69001', '69002'], 519_127),
    commune('42218', 'Saint-Étienne', ['42000', '42100'], 171_057),
    commune('42279', 'Saint-Étienne-le-Molard', ['42130'], 1_000),
    commune('01001', "L'Abergement-Clémenciat", ['01400'], 860),
  ]);
  const useCase = new RechercherCommunesUseCase(index, {
    name: '@etalab/decoupage-administratif',
    version: '6.0.0',
  });

  it('names the reference data it answered from', () => {
    expect(useCase.execute({ q: 'lyon', limit: 10 }).source).toBe('@etalab/decoupage-administratif@6.0.0');
  });

  it('answers by name, postal code or INSEE code', () => {
    expect(useCase.execute({ q: 'saint etienne', limit: 10 }).communes.map((c) => c.codeInsee)).toEqual([
      '42218',
      '42279',
    ]);
    expect(useCase.execute({ q: '69002', limit: 10 }).communes.map((c) => c.nom)).toEqual(['Lyon']);
    expect(useCase.execute({ q: '01001', limit: 10 }).communes.map((c) => c.nom)).toEqual([
      "L'Abergement-Clémenciat",
    ]);
  });

  it('keeps the limit between 1 and 50', () => {
    expect(useCase.execute({ q: 'saint', limit: 1 }).communes).toHaveLength(1);
    expect(useCase.execute({ q: 'saint', limit: 0 }).communes).toHaveLength(1);
    expect(useCase.execute({ q: 'saint', limit: 1000 }).communes).toHaveLength(2);
  });
});
