import { AdresseSearch, AdresseSuggestion } from '../../adresse.entity';
import { AdresseException } from '../../adresse.exception';
import { AdresseProvider } from '../../adresse.provider';
import { ValiderAdresseUseCase } from './valider-adresse.use-case';

const segur: AdresseSuggestion = {
  id: '75107_8909_00020',
  label: '20 Avenue de Ségur 75007 Paris',
  type: 'housenumber',
  score: 0.97,
  postcode: '75007',
  citycode: '75107',
  city: 'Paris',
  coordinates: [2.308594, 48.850699],
};

class RecordingProvider extends AdresseProvider {
  readonly queries: AdresseSearch[] = [];
  constructor(private readonly answer: () => Promise<AdresseSuggestion[]>) {
    super();
  }
  search(query: AdresseSearch): Promise<AdresseSuggestion[]> {
    this.queries.push(query);
    return this.answer();
  }
}

describe(ValiderAdresseUseCase.name, () => {
  it('confirms a BAN pick by finding its id again from its label', async () => {
    const provider = new RecordingProvider(async () => [segur]);
    const result = await new ValiderAdresseUseCase(provider).execute({
      kind: 'ban',
      id: segur.id,
      label: segur.label,
    });
    expect(result).toEqual({ manual: false, verified: true, adresse: segur });
    expect(provider.queries).toEqual([{ q: segur.label, limit: 10, autocomplete: false }]);
  });

  it('refuses a BAN id the BAN does not give back for that label', async () => {
    const useCase = new ValiderAdresseUseCase(new RecordingProvider(async () => [segur]));
    await expect(
      useCase.execute({ kind: 'ban', id: '75107_8909_00099', label: segur.label }),
    ).rejects.toMatchObject({ code: 'ADRESSE_NOT_FOUND', kind: 'not_found' });
  });

  it('keeps a BAN pick unverified rather than losing it while the BAN is down', async () => {
    const useCase = new ValiderAdresseUseCase(
      new RecordingProvider(() => Promise.reject(AdresseException.banUnavailable('circuit_open'))),
    );
    await expect(
      useCase.execute({ kind: 'ban', id: segur.id, label: ' 20 Avenue de Ségur  75007 Paris' }),
    ).resolves.toEqual({ manual: false, verified: false, id: segur.id, label: segur.label });
  });

  it('accepts a manual address on one line, flagged manual, without calling the BAN', async () => {
    const provider = new RecordingProvider(async () => []);
    const result = await new ValiderAdresseUseCase(provider).execute({
      kind: 'manual',
      label: 'Lieu-dit Les Granges\n chemin rural n° 4',
      postcode: '04200',
      city: ' Sisteron ',
    });
    expect(result).toEqual({
      manual: true,
      label: 'Lieu-dit Les Granges chemin rural n° 4',
      postcode: '04200',
      city: 'Sisteron',
    });
    expect(provider.queries).toEqual([]);
  });

  it('refuses an oversized manual address with the validation error', async () => {
    const useCase = new ValiderAdresseUseCase(new RecordingProvider(async () => []));
    await expect(useCase.execute({ kind: 'manual', label: 'x'.repeat(301) })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});
