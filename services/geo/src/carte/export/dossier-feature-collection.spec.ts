import { Position } from '../geojson';
import { dossierFeatureCollection } from './dossier-feature-collection';

const square: Position[] = [
  [4.83, 45.76],
  [4.831, 45.76],
  [4.831, 45.761],
  [4.83, 45.761],
  [4.83, 45.76],
];

describe(dossierFeatureCollection.name, () => {
  it('returns every area of every carte champ, tagged with dossier, champ and source, and measured', () => {
    const collection = dossierFeatureCollection('dossier-42', [
      {
        champId: 'champ-emprise',
        geoAreas: [
          {
            id: 'ga-1',
            source: 'selection_utilisateur',
            description: 'Emprise du projet',
            geometry: { type: 'Polygon', coordinates: [square] },
          },
          {
            id: 'ga-2',
            source: 'cadastre',
            geometry: { type: 'MultiPolygon', coordinates: [[square]] },
            properties: { commune: '69123', section: 'AB', numero: '0042' },
          },
        ],
      },
      {
        champId: 'champ-acces',
        geoAreas: [
          {
            id: 'ga-3',
            source: 'selection_utilisateur',
            geometry: {
              type: 'LineString',
              coordinates: [
                [0, 0],
                [0, 1],
              ],
            },
          },
          {
            id: 'ga-4',
            source: 'selection_utilisateur',
            geometry: { type: 'Point', coordinates: [4.83, 45.76] },
          },
        ],
      },
    ]);

    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features.map((f) => [f.id, f.properties.champId, f.properties.source])).toEqual([
      ['ga-1', 'champ-emprise', 'selection_utilisateur'],
      ['ga-2', 'champ-emprise', 'cadastre'],
      ['ga-3', 'champ-acces', 'selection_utilisateur'],
      ['ga-4', 'champ-acces', 'selection_utilisateur'],
    ]);
    expect(collection.features[0].properties).toEqual({
      dossierId: 'dossier-42',
      champId: 'champ-emprise',
      source: 'selection_utilisateur',
      description: 'Emprise du projet',
      area: expect.any(Number),
    });
    expect(collection.features[0].properties.area).toBeCloseTo(8_650, -2);
    expect(collection.features[1].properties).toMatchObject({
      commune: '69123',
      numero: '0042',
      area: collection.features[0].properties.area,
    });
    expect(collection.features[2].properties.length).toBeCloseTo(111_195, -1);
    expect(collection.features[3].properties).toEqual({
      dossierId: 'dossier-42',
      champId: 'champ-acces',
      source: 'selection_utilisateur',
    });
  });

  it('never lets source attributes overwrite the identifying properties', () => {
    const [feature] = dossierFeatureCollection('d1', [
      {
        champId: 'c1',
        geoAreas: [
          {
            id: 'g1',
            source: 'cadastre',
            geometry: { type: 'Point', coordinates: [0, 0] },
            properties: { dossierId: 'autre', source: 'rpg', champId: 'x' },
          },
        ],
      },
    ]).features;
    expect(feature.properties).toMatchObject({ dossierId: 'd1', champId: 'c1', source: 'cadastre' });
  });

  it('returns an empty FeatureCollection for a dossier without carte areas', () => {
    expect(dossierFeatureCollection('d1', [{ champId: 'c1', geoAreas: [] }])).toEqual({
      type: 'FeatureCollection',
      features: [],
    });
  });
});
