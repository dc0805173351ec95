import { AdresseSuggestion } from '../adresse/adresse.entity';
import { AdresseProvider } from '../adresse/adresse.provider';
import { ValiderAdresseUseCase } from '../adresse/use-cases/valider-adresse/valider-adresse.use-case';
import { ValiderAdresseConsumer } from './valider-adresse.consumer';

const mairie: AdresseSuggestion = {
  id: '69123_1234_00001',
  label: '1 Place de la Comédie 69001 Lyon',
  type: 'housenumber',
  score: 0.97,
  postcode: '69001',
  citycode: '69123',
  city: 'Lyon',
  coordinates: [4.8357, 45.7676],
};

class OneAddress extends AdresseProvider {
  async search(): Promise<AdresseSuggestion[]> {
    return [mairie];
  }
}

const consumer = new ValiderAdresseConsumer(new ValiderAdresseUseCase(new OneAddress()));

describe(ValiderAdresseConsumer.name, () => {
  it('confirms a BAN pick and answers its codes', async () => {
    await expect(consumer.handle({ ban: { id: mairie.id, label: mairie.label } })).resolves.toEqual({
      ok: expect.objectContaining({ verified: true, manual: false, banId: mairie.id, citycode: '69123' }),
    });
  });

  it('accepts a manual address as typed, flagged manual', async () => {
    const reply = await consumer.handle({
      manuelle: { label: ' Lieu-dit  Les Granges ', postcode: '01100', city: undefined },
    });
    expect(reply.ok).toMatchObject({ manual: true, label: 'Lieu-dit Les Granges', postcode: '01100' });
  });

  it('refuses a request with neither choice', async () => {
    await expect(consumer.handle({})).rejects.toMatchObject({ code: 'ADRESSE_INVALIDE' });
  });
});
