import { ValiderCarteUseCase } from '../carte/use-cases/valider-carte.use-case';
import { ValiderCarteConsumer } from './valider-carte.consumer';

const consumer = new ValiderCarteConsumer(new ValiderCarteUseCase());
const square = {
  type: 'Feature',
  properties: {},
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [4.8, 45.7],
        [4.81, 45.7],
        [4.81, 45.71],
        [4.8, 45.71],
        [4.8, 45.7],
      ],
    ],
  },
};

describe(ValiderCarteConsumer.name, () => {
  it('answers the normalised FeatureCollection and its measures', async () => {
    const reply = await consumer.handle({ geojson: JSON.stringify(square) });
    expect(reply.ok).toMatchObject({ featureCount: 1, totalLengthM: 0 });
    expect(reply.ok!.totalAreaM2).toBeGreaterThan(800_000);
    expect(JSON.parse(reply.ok!.featureCollection)).toMatchObject({ type: 'FeatureCollection' });
  });

  it('refuses text that is not JSON, and a bow-tie polygon, with CARTE_INVALIDE', async () => {
    await expect(consumer.handle({ geojson: '{' })).rejects.toMatchObject({ code: 'CARTE_INVALIDE' });
    const bowTie = {
      ...square,
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 1],
            [1, 0],
            [0, 1],
            [0, 0],
          ],
        ],
      },
    };
    await expect(consumer.handle({ geojson: JSON.stringify(bowTie) })).rejects.toMatchObject({
      code: 'CARTE_INVALIDE',
    });
  });
});
