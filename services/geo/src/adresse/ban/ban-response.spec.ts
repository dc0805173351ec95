import { mapBanResponse } from './ban-response';

const segur = {
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [2.308594, 48.850699] },
  properties: {
    label: '20 Avenue de Ségur 75007 Paris',
    score: 0.97,
    housenumber: '20',
    id: '75107_8909_00020',
    name: '20 Avenue de Ségur',
    postcode: '75007',
    citycode: '75107',
    x: 649363.52,
    y: 6861413.6,
    city: 'Paris',
    district: 'Paris 7e Arrondissement',
    context: '75, Paris, Île-de-France',
    type: 'housenumber',
    importance: 0.67,
    street: 'Avenue de Ségur',
  },
};

describe(mapBanResponse.name, () => {
  it('maps a BAN feature to a suggestion with its point and département', () => {
    expect(mapBanResponse({ type: 'FeatureCollection', features: [segur] })).toEqual([
      {
        id: '75107_8909_00020',
        label: '20 Avenue de Ségur 75007 Paris',
        type: 'housenumber',
        score: 0.97,
        housenumber: '20',
        street: 'Avenue de Ségur',
        name: '20 Avenue de Ségur',
        postcode: '75007',
        citycode: '75107',
        city: 'Paris',
        context: '75, Paris, Île-de-France',
        departementCode: '75',
        coordinates: [2.308594, 48.850699],
        x: 649363.52,
        y: 6861413.6,
      },
    ]);
  });

  it('reads overseas and Corse département codes from the context', () => {
    const fdf = {
      ...segur,
      properties: { ...segur.properties, citycode: '97209', context: '972, Martinique' },
    };
    const ajaccio = {
      ...segur,
      properties: {
        ...segur.properties,
        type: 'municipality',
        citycode: '2A004',
        context: '2A, Corse-du-Sud, Corse',
      },
    };
    const mapped = mapBanResponse({ type: 'FeatureCollection', features: [fdf, ajaccio] });
    expect(mapped?.map((s) => s.departementCode)).toEqual(['972', '2A']);
  });

  it('skips an incomplete feature but keeps the others', () => {
    const noId = { ...segur, properties: { ...segur.properties, id: undefined } };
    const unknownType = { ...segur, properties: { ...segur.properties, type: 'poi' } };
    const mapped = mapBanResponse({ type: 'FeatureCollection', features: [noId, unknownType, segur] });
    expect(mapped?.map((s) => s.id)).toEqual(['75107_8909_00020']);
  });

  it('rejects a body that is not a FeatureCollection', () => {
    expect(mapBanResponse({ error: 'maintenance' })).toBeUndefined();
    expect(mapBanResponse('<html>')).toBeUndefined();
    expect(mapBanResponse({ type: 'FeatureCollection', features: [] })).toEqual([]);
  });
});
