import { mapApiCartoParcelles } from './apicarto-response';

const square = {
  type: 'MultiPolygon',
  coordinates: [
    [
      [
        [2.3081, 48.8503],
        [2.3086, 48.8503],
        [2.3086, 48.8507],
        [2.3081, 48.8503],
      ],
    ],
  ],
};

describe(mapApiCartoParcelles.name, () => {
  it('maps the Parcellaire Express properties', () => {
    const body = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'parcelle.75107000AB0012',
          geometry: square,
          properties: {
            idu: '75107000AB0012',
            code_insee: '75107',
            nom_com: 'Paris 7e Arrondissement',
            com_abs: '000',
            section: 'AB',
            numero: '0012',
            contenance: 1843,
            feuille: 1,
          },
        },
      ],
    };
    expect(mapApiCartoParcelles(body)).toEqual([
      {
        id: '75107000AB0012',
        commune: '75107',
        nomCommune: 'Paris 7e Arrondissement',
        prefixe: '000',
        section: 'AB',
        numero: '0012',
        surface: 1843,
        geometry: square,
      },
    ]);
  });

  it('maps the older Etalab properties (id, commune, prefixe)', () => {
    const body = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: square,
          properties: {
            id: '2A004000BC0101',
            commune: '2A004',
            prefixe: '000',
            section: 'BC',
            numero: '0101',
            contenance: null,
          },
        },
      ],
    };
    expect(mapApiCartoParcelles(body)).toEqual([
      expect.objectContaining({ id: '2A004000BC0101', commune: '2A004', surface: 0 }),
    ]);
  });

  it('skips a feature without identifier or geometry, and rejects a non-FeatureCollection', () => {
    const body = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: square, properties: { section: 'AB', numero: '0012' } },
        {
          type: 'Feature',
          geometry: null,
          properties: { idu: '75107000AB0013', section: 'AB', numero: '0013' },
        },
      ],
    };
    expect(mapApiCartoParcelles(body)).toEqual([]);
    expect(mapApiCartoParcelles({ message: 'Bad gateway' })).toBeUndefined();
  });
});
