import { champsFromStorage, champsToStorage } from './champs-storage';

describe('champ values in storage', () => {
  it('stores no nested array (FerretDB refuses them) and restores the values exactly', () => {
    const champs = {
      carte: {
        type: 'FeatureCollection' as const,
        features: [
          {
            type: 'Feature',
            properties: {},
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [4.8, 45.7],
                  [4.81, 45.7],
                  [4.8, 45.7],
                ],
              ],
            },
          },
        ],
      },
      bloc: [
        {
          site: 'A',
          adresse: {
            label: 'x',
            manual: true,
            verified: false,
            coordinates: [2.3, 48.8] as [number, number],
          },
        },
      ],
      choix: ['a', 'b'],
      vide: null,
    };
    const stored = champsToStorage(champs);
    const hasNestedArray = (value: unknown): boolean =>
      Array.isArray(value)
        ? value.some((item) => Array.isArray(item) || hasNestedArray(item))
        : value !== null && typeof value === 'object' && Object.values(value).some(hasNestedArray);
    expect(hasNestedArray(stored)).toBe(false);
    expect(champsFromStorage(stored)).toEqual(champs);
  });
});
