import { CarteErrorCode, CarteViolation } from '../carte.exception';
import { CARTE_LIMITS } from '../carte.limits';
import { Position } from '../geojson';
import { checkCarte, validateCarte } from './validate-carte';

const feature = (geometry: unknown, extra: Record<string, unknown> = {}) => ({
  type: 'Feature',
  geometry,
  properties: {},
  ...extra,
});
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const parcel: Position[] = [
  [4.7742, 45.7789],
  [4.775, 45.7789],
  [4.775, 45.7784],
  [4.7742, 45.7784],
  [4.7742, 45.7789],
];
const polygon = { type: 'Polygon', coordinates: [parcel] };

/** The violations of an input, as path → message fragments, to assert many at once. */
function violationsOf(input: unknown): CarteViolation[] {
  return checkCarte(input).violations;
}
const paths = (input: unknown) => violationsOf(input).map((v) => v.path);

describe(checkCarte.name, () => {
  it('accepts a FeatureCollection of Point, LineString, Polygon and MultiPolygon', () => {
    const result = checkCarte(
      collection(
        feature({ type: 'Point', coordinates: [4.8357, 45.764] }, { id: 'p1' }),
        feature(
          {
            type: 'LineString',
            coordinates: [
              [4.83, 45.76],
              [4.84, 45.77],
            ],
          },
          { id: 7 },
        ),
        feature(polygon),
        feature({ type: 'MultiPolygon', coordinates: [[parcel]] }),
      ),
    );
    expect(result.violations).toEqual([]);
    expect(result.featureCollection?.features.map((f) => f.geometry.type)).toEqual([
      'Point',
      'LineString',
      'Polygon',
      'MultiPolygon',
    ]);
    expect(result.featureCollection?.features[0].id).toBe('p1');
  });

  it('wraps a single Feature into a FeatureCollection', () => {
    expect(validateCarte(feature(polygon))).toEqual({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', geometry: polygon, properties: {} }],
    });
  });

  it('drops altitudes and turns missing or null properties into {}', () => {
    const fc = validateCarte(
      collection({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [7.0175, 48.0406, 1363] },
        properties: null,
      }),
    );
    expect(fc.features[0]).toEqual({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [7.0175, 48.0406] },
      properties: {},
    });
  });

  it('accepts the extreme coordinates', () => {
    expect(
      violationsOf(
        feature({
          type: 'LineString',
          coordinates: [
            [-180, -90],
            [180, 90],
          ],
        }),
      ),
    ).toEqual([]);
  });

  describe('refuses', () => {
    it('a value that is not a GeoJSON object', () => {
      expect(paths('hello')).toEqual(['(racine)']);
      expect(paths([1, 2])).toEqual(['(racine)']);
      expect(paths({ type: 'Topology' })).toEqual(['type']);
    });

    it('a bare geometry, suggesting to wrap it in a Feature', () => {
      expect(violationsOf(polygon)[0].message).toContain('placée dans un Feature');
    });

    it('a FeatureCollection without a features array', () => {
      expect(paths({ type: 'FeatureCollection' })).toEqual(['features']);
    });

    it('an element that is not a Feature', () => {
      expect(paths(collection(polygon))).toEqual(['features.0.type']);
    });

    it('a Feature without geometry', () => {
      expect(paths(collection({ type: 'Feature', geometry: null, properties: {} }))).toEqual([
        'features.0.geometry',
      ]);
    });

    it('a wrong id or properties', () => {
      expect(paths(collection(feature(polygon, { id: { x: 1 }, properties: [1] })))).toEqual([
        'features.0.id',
        'features.0.properties',
      ]);
    });

    it('MultiPoint, MultiLineString and GeometryCollection, saying how to draw them', () => {
      const violations = violationsOf(
        collection(
          feature({ type: 'MultiPoint', coordinates: [[0, 0]] }),
          feature({
            type: 'MultiLineString',
            coordinates: [
              [
                [0, 0],
                [1, 1],
              ],
            ],
          }),
          feature({ type: 'GeometryCollection', geometries: [] }),
        ),
      );
      expect(violations.map((v) => v.path)).toEqual([
        'features.0.geometry.type',
        'features.1.geometry.type',
        'features.2.geometry.type',
      ]);
      expect(violations[0].message).toContain('dessinez chaque point séparément');
      expect(violations[1].message).toContain('dessinez chaque ligne séparément');
    });

    it('positions that are not [lon, lat] or [lon, lat, alt]', () => {
      expect(
        paths(
          collection(
            feature({ type: 'Point', coordinates: [4.8] }),
            feature({ type: 'Point', coordinates: [4.8, 45.7, 170, 3] }),
            feature({ type: 'Point', coordinates: '4.8,45.7' }),
          ),
        ),
      ).toEqual([
        'features.0.geometry.coordinates',
        'features.1.geometry.coordinates',
        'features.2.geometry.coordinates',
      ]);
    });

    it('coordinates that are not finite numbers', () => {
      const violations = violationsOf(
        collection(
          feature({ type: 'Point', coordinates: ['4.8', 45.7] }),
          feature({ type: 'Point', coordinates: [4.8, Number.NaN] }),
          feature({ type: 'Point', coordinates: [Number.POSITIVE_INFINITY, 45.7] }),
          feature({ type: 'Point', coordinates: [4.8, 45.7, 'haut'] }),
        ),
      );
      expect(violations.map((v) => v.path)).toEqual([
        'features.0.geometry.coordinates.0',
        'features.1.geometry.coordinates.1',
        'features.2.geometry.coordinates.0',
        'features.3.geometry.coordinates.2',
      ]);
      expect(violations[0].message).toBe('la longitude doit être un nombre, reçu "4.8"');
    });

    it('longitudes outside −180..180 and latitudes outside −90..90', () => {
      const violations = violationsOf(
        collection(
          feature({ type: 'Point', coordinates: [180.0001, 45] }),
          feature({ type: 'Point', coordinates: [-180.5, 45] }),
          feature({ type: 'Point', coordinates: [4.8, 90.01] }),
          feature({ type: 'Point', coordinates: [4.8, -91] }),
        ),
      );
      expect(violations.map((v) => v.path)).toEqual([
        'features.0.geometry.coordinates.0',
        'features.1.geometry.coordinates.0',
        'features.2.geometry.coordinates.1',
        'features.3.geometry.coordinates.1',
      ]);
      expect(violations[0].message).toBe('la longitude doit être comprise entre -180 et 180, reçu 180.0001');
    });

    it('a position written [lat, lon], with a hint', () => {
      // Nouméa written latitude first.
      const [violation] = violationsOf(feature({ type: 'Point', coordinates: [-22.2758, 166.458] }));
      expect(violation.message).toContain('longitude et latitude inversées');
    });

    it('a line of fewer than 2 positions', () => {
      expect(violationsOf(feature({ type: 'LineString', coordinates: [[4.8, 45.7]] }))).toEqual([
        { path: 'geometry.coordinates', message: 'une ligne doit avoir au moins 2 positions (reçu 1)' },
      ]);
    });

    it('a polygon without rings, and a MultiPolygon without polygons', () => {
      expect(
        paths(
          collection(
            feature({ type: 'Polygon', coordinates: [] }),
            feature({ type: 'MultiPolygon', coordinates: [] }),
          ),
        ),
      ).toEqual(['features.0.geometry.coordinates', 'features.1.geometry.coordinates']);
    });

    it('a ring of fewer than 4 positions', () => {
      const triangle: Position[] = [
        [0, 0],
        [1, 0],
        [0, 0],
      ];
      expect(violationsOf(feature({ type: 'Polygon', coordinates: [triangle] }))[0]).toEqual({
        path: 'geometry.coordinates.0',
        message: 'un anneau doit avoir au moins 4 positions (reçu 3)',
      });
    });

    it('a ring that is not closed', () => {
      const open = parcel.slice(0, 4).concat([[4.7742, 45.77891]]);
      expect(violationsOf(feature({ type: 'MultiPolygon', coordinates: [[parcel], [open]] }))).toEqual([
        expect.objectContaining({
          path: 'geometry.coordinates.1.0',
          message: expect.stringContaining('fermé'),
        }),
      ]);
    });

    it('a self-intersecting polygon, with the location of the first crossing', () => {
      const bowTie: Position[] = [
        [4.83, 45.76],
        [4.832, 45.762],
        [4.832, 45.76],
        [4.83, 45.762],
        [4.83, 45.76],
      ];
      expect(
        violationsOf(collection(feature(polygon), feature({ type: 'Polygon', coordinates: [bowTie] }))),
      ).toEqual([
        {
          path: 'features.1.geometry.coordinates',
          message:
            "le polygone se recoupe : les segments 0 et 2 de l'anneau 0 se croisent au point [4.831, 45.761]",
          position: [4.831, 45.761],
        },
      ]);
    });

    it('a self-intersecting polygon of a MultiPolygon, naming which one', () => {
      const bowTie: Position[] = [
        [0, 0],
        [2, 2],
        [2, 0],
        [0, 2],
        [0, 0],
      ];
      expect(paths(feature({ type: 'MultiPolygon', coordinates: [[parcel], [bowTie]] }))).toEqual([
        'geometry.coordinates.1',
      ]);
    });
  });

  it('reports every problem at once', () => {
    const violations = violationsOf(
      collection(
        feature({ type: 'Point', coordinates: [200, 100] }),
        { type: 'Feature' },
        feature({ type: 'LineString', coordinates: [[0, 0]] }),
        feature(polygon),
      ),
    );
    expect(violations.map((v) => v.path)).toEqual([
      'features.0.geometry.coordinates.0',
      'features.0.geometry.coordinates.1',
      'features.1.geometry',
      'features.2.geometry.coordinates',
    ]);
  });

  describe('limits', () => {
    const point = feature({ type: 'Point', coordinates: [4.8, 45.7] });
    const line = (n: number) =>
      feature({ type: 'LineString', coordinates: Array.from({ length: n }, (_, i) => [4 + i * 1e-5, 45]) });

    it(`accepts ${CARTE_LIMITS.maxFeatures} features and refuses one more`, () => {
      expect(paths(collection(...Array(CARTE_LIMITS.maxFeatures).fill(point)))).toEqual([]);
      expect(paths(collection(...Array(CARTE_LIMITS.maxFeatures + 1).fill(point)))).toEqual(['features']);
    });

    it(`accepts ${CARTE_LIMITS.maxVerticesPerFeature} vertices in a feature and refuses one more`, () => {
      expect(paths(line(CARTE_LIMITS.maxVerticesPerFeature))).toEqual([]);
      expect(violationsOf(collection(line(CARTE_LIMITS.maxVerticesPerFeature + 1)))).toEqual([
        { path: 'features.0.geometry', message: expect.stringContaining('10001 sommets') },
      ]);
    });

    it(`refuses more than ${CARTE_LIMITS.maxVerticesTotal} vertices in the whole carte`, () => {
      const perFeature = 9_000;
      const count = Math.ceil(CARTE_LIMITS.maxVerticesTotal / perFeature);
      expect(paths(collection(...Array(count).fill(line(perFeature))))).toEqual(['(racine)']);
      expect(paths(collection(...Array(count - 1).fill(line(perFeature))))).toEqual([]);
    });

    it(`refuses a GeoJSON over ${CARTE_LIMITS.maxGeoJsonBytes} bytes without looking further`, () => {
      const heavy = feature(
        { type: 'Point', coordinates: [999, 999] },
        {
          properties: { note: 'é'.repeat(CARTE_LIMITS.maxGeoJsonBytes / 2) },
        },
      );
      expect(violationsOf(heavy)).toEqual([{ path: '(racine)', message: expect.stringContaining('octets') }]);
    });

    it('refuses a value that cannot be written as JSON', () => {
      const cyclic: Record<string, unknown> = { type: 'Feature' };
      cyclic.self = cyclic;
      expect(paths(cyclic)).toEqual(['(racine)']);
    });
  });
});

describe(validateCarte.name, () => {
  it('throws CARTE_INVALIDE (invalid) listing every violation', () => {
    expect(() =>
      validateCarte(
        collection(feature({ type: 'Point', coordinates: [200, 0] }), feature({ type: 'Circle' })),
      ),
    ).toThrow(
      expect.objectContaining({
        code: CarteErrorCode.Invalide,
        kind: 'invalid',
        details: {
          total: 2,
          violations: [
            expect.objectContaining({ path: 'features.0.geometry.coordinates.0' }),
            expect.objectContaining({ path: 'features.1.geometry.type' }),
          ],
        },
        message: expect.stringContaining('La carte est invalide (2 problèmes)'),
      }),
    );
  });
});
