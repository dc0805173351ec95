import { CommuneIndex } from '../communes/commune-index';
import { GeoErrorCode } from '../geo.exception';
import { ObtenirCommuneUseCase } from '../use-cases/obtenir-commune/obtenir-commune.use-case';
import { RechercherCommunesUseCase } from '../use-cases/rechercher-communes/rechercher-communes.use-case';
import { CommuneLookupConsumer } from './commune-lookup.consumer';

describe(CommuneLookupConsumer.name, () => {
  const index = new CommuneIndex([
    {
      codeInsee: '69123',
      nom: 'Lyon',
      codesPostaux: ['69001'],
      departement: '69',
      region: '84',
      type: 'commune-actuelle',
      epci: null,
      zone: 'metro',
      population: 519_127,
    },
    {
      codeInsee: '97411',
      nom: 'Saint-Denis',
      codesPostaux: ['97400'],
      departement: '974',
      region: '04',
      type: 'commune-actuelle',
      epci: null,
      zone: 'drom',
      population: 155_634,
    },
    {
      codeInsee: '93066',
      nom: 'Saint-Denis',
      codesPostaux: ['93200'],
      departement: '93',
      region: '11',
      type: 'commune-actuelle',
      epci: null,
      zone: 'metro',
      population: 113_942,
    },
  ]);
  const source = { name: '@etalab/decoupage-administratif', version: '6.0.0' };
  const consumer = new CommuneLookupConsumer(
    new RechercherCommunesUseCase(index, source),
    new ObtenirCommuneUseCase(index, source),
  );

  it('answers an INSEE code with that commune in the contract shape', async () => {
    await expect(consumer.lookup({ codeInsee: '69123', query: 'ignored', limit: 0 })).resolves.toEqual({
      ok: {
        communes: [
          {
            codeInsee: '69123',
            name: 'Lyon',
            codesPostaux: ['69001'],
            departementCode: '69',
            regionCode: '84',
          },
        ],
      },
    });
  });

  it('answers a name query, most populous first, within the limit', async () => {
    const reply = await consumer.lookup({ query: 'saint denis', limit: 1 });
    expect(reply.ok?.communes.map((c) => c.codeInsee)).toEqual(['97411']);
  });

  it('answers a postal code', async () => {
    const reply = await consumer.lookup({ codePostal: '93200', limit: 0 });
    expect(reply.ok?.communes.map((c) => c.name)).toEqual(['Saint-Denis']);
  });

  it('replies with coded errors for an unknown code or an empty request', async () => {
    await expect(consumer.lookup({ codeInsee: '00000', limit: 0 })).rejects.toMatchObject({
      code: GeoErrorCode.CommuneNotFound,
    });
    await expect(consumer.lookup({ query: '  ', limit: 0 })).rejects.toMatchObject({
      code: GeoErrorCode.EmptyLookup,
    });
  });
});
