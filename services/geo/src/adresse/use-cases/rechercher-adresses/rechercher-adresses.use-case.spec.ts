import { AdresseSearch, AdresseSuggestion } from '../../adresse.entity';
import { AdresseException } from '../../adresse.exception';
import { AdresseProvider } from '../../adresse.provider';
import { DEGRADED_MESSAGE, RechercherAdressesUseCase } from './rechercher-adresses.use-case';

class StubProvider extends AdresseProvider {
  constructor(private readonly behaviour: () => Promise<AdresseSuggestion[]>) {
    super();
  }
  search(_query: AdresseSearch): Promise<AdresseSuggestion[]> {
    return this.behaviour();
  }
}

const search: AdresseSearch = { q: 'avenue de segur', limit: 5, autocomplete: true };
const segur: AdresseSuggestion = {
  id: '75107_8909_00020',
  label: '20 Avenue de Ségur 75007 Paris',
  type: 'housenumber',
  score: 0.97,
  citycode: '75107',
  city: 'Paris',
  coordinates: [2.308594, 48.850699],
};

describe(RechercherAdressesUseCase.name, () => {
  it('returns the BAN suggestions, not degraded', async () => {
    const useCase = new RechercherAdressesUseCase(new StubProvider(async () => [segur]));
    await expect(useCase.execute(search)).resolves.toEqual({ degraded: false, suggestions: [segur] });
  });

  it('answers the degraded mode, inviting a manual address, when the BAN is unavailable', async () => {
    const useCase = new RechercherAdressesUseCase(
      new StubProvider(() => Promise.reject(AdresseException.banUnavailable('timeout'))),
    );
    await expect(useCase.execute(search)).resolves.toEqual({
      degraded: true,
      suggestions: [],
      message: DEGRADED_MESSAGE,
    });
  });

  it('lets a query the BAN rejects surface as an error, not as an outage', async () => {
    const useCase = new RechercherAdressesUseCase(
      new StubProvider(() => Promise.reject(AdresseException.banRejected(400))),
    );
    await expect(useCase.execute(search)).rejects.toMatchObject({ code: 'BAN_REJECTED', kind: 'invalid' });
  });
});
