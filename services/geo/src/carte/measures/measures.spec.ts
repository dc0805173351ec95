import { Position } from '../geojson';
import { EARTH_RADIUS_M, haversineDistance, lineLength, polygonArea, ringArea } from './geodesy';
import { measureFeatures, measureGeometry } from './measures';

const rad = (degrees: number) => (degrees * Math.PI) / 180;
const square = (x: number, y: number, size: number): Position[] => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];

describe('geodesic measures', () => {
  it('gives a 1°×1° cell at the equator about 12 364 km², the closed form of a spherical cell', () => {
    const area = ringArea(square(0, 0, 1));
    expect(area / 1e6).toBeCloseTo(12_363.7, 0);
    // Area between two meridians and two parallels: R² · Δλ · (sin φ2 − sin φ1).
    expect(area).toBeCloseTo(EARTH_RADIUS_M ** 2 * rad(1) * Math.sin(rad(1)), -1);
  });

  it('gives a cell at 45° N the smaller area the parallels allow', () => {
    const expected = EARTH_RADIUS_M ** 2 * rad(1) * (Math.sin(rad(46)) - Math.sin(rad(45)));
    expect(ringArea(square(4, 45, 1)) / expected).toBeCloseTo(1, 9);
  });

  it('does not depend on the orientation of the ring', () => {
    const ring = square(2, 48, 0.01);
    expect(ringArea([...ring].reverse())).toBeCloseTo(ringArea(ring), 6);
  });

  it('subtracts holes from the outer ring', () => {
    const outer = square(4.8, 45.7, 0.01);
    const hole = square(4.802, 45.702, 0.002);
    expect(polygonArea([outer, hole])).toBeCloseTo(ringArea(outer) - ringArea(hole), 6);
    expect(polygonArea([outer, hole])).toBeLessThan(ringArea(outer));
  });

  it('measures Paris – Lyon at about 392 km as the crow flies', () => {
    const paris: Position = [2.3522, 48.8566];
    const lyon: Position = [4.8357, 45.764];
    expect(haversineDistance(paris, lyon) / 1000).toBeCloseTo(391.5, 0);
  });

  it('measures one degree of meridian at about 111.195 km', () => {
    expect(
      lineLength([
        [0, 10],
        [0, 11],
      ]),
    ).toBeCloseTo(111_195, -1);
  });

  it('adds up the segments of a line', () => {
    const line: Position[] = [
      [0, 0],
      [0, 1],
      [0, 2],
    ];
    expect(lineLength(line)).toBeCloseTo(2 * haversineDistance([0, 0], [0, 1]), 6);
  });
});

describe(measureFeatures.name, () => {
  it('measures surfaces in m², lines in m, nothing for points, and totals them', () => {
    const polygon = square(4.8, 45.7, 0.001);
    const measures = measureFeatures([
      { type: 'Feature', id: 'a', geometry: { type: 'Polygon', coordinates: [polygon] }, properties: {} },
      {
        type: 'Feature',
        geometry: { type: 'MultiPolygon', coordinates: [[polygon], [square(4.9, 45.7, 0.001)]] },
        properties: {},
      },
      {
        type: 'Feature',
        geometry: {
          type: 'LineString',
          coordinates: [
            [0, 0],
            [0, 1],
          ],
        },
        properties: {},
      },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] }, properties: {} },
    ]);
    const cell = ringArea(polygon);
    expect(measures.features[0]).toEqual({
      index: 0,
      id: 'a',
      geometryType: 'Polygon',
      area: expect.any(Number),
    });
    expect(measures.features[0].area).toBeCloseTo(cell, 1);
    expect(measures.features[1].area).toBeCloseTo(2 * cell, 0);
    expect(measures.features[2].length).toBeCloseTo(111_195, -1);
    expect(measures.features[3]).toEqual({ index: 3, geometryType: 'Point' });
    expect(measures.totalArea).toBeCloseTo(3 * cell, 0);
    expect(measures.totalLength).toBe(measures.features[2].length);
  });

  it('rounds to the centimetre', () => {
    const { length } = measureGeometry({
      type: 'LineString',
      coordinates: [
        [0, 0],
        [0.00001234, 0],
      ],
    });
    expect(Number.isInteger(length! * 100)).toBe(true);
  });
});
