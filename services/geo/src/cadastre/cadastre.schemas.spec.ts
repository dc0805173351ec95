import { parseInput } from '@demarches/platform-errors';
import { MAX_VERTICES, parcellesBody } from './cadastre.schemas';

const ring = [
  [2.3082, 48.8504],
  [2.3088, 48.8504],
  [2.3088, 48.8509],
  [2.3082, 48.8504],
];

describe('parcellesBody', () => {
  it('accepts a Polygon and a MultiPolygon', () => {
    expect(
      parseInput(parcellesBody, { geometry: { type: 'Polygon', coordinates: [ring] } }).geometry.type,
    ).toBe('Polygon');
    expect(
      parseInput(parcellesBody, { geometry: { type: 'MultiPolygon', coordinates: [[ring], [ring]] } })
        .geometry.type,
    ).toBe('MultiPolygon');
  });

  it('refuses other geometry types and malformed coordinates', () => {
    const bad = [
      { type: 'Point', coordinates: [2.3, 48.8] },
      { type: 'Polygon', coordinates: [ring.slice(0, 3)] },
      { type: 'Polygon', coordinates: [[[2.3, 'x'], ...ring]] },
      { type: 'MultiPolygon', coordinates: [ring] },
      { type: 'Polygon' },
    ];
    for (const geometry of bad) {
      expect(() => parseInput(parcellesBody, { geometry })).toThrow(
        expect.objectContaining({ code: 'VALIDATION_FAILED' }),
      );
    }
  });

  it('bounds the number of vertices', () => {
    const big = Array.from({ length: MAX_VERTICES + 1 }, (_, i) => [2.3 + i * 1e-6, 48.85]);
    expect(() => parseInput(parcellesBody, { geometry: { type: 'Polygon', coordinates: [big] } })).toThrow(
      /au plus 1000 sommets/,
    );
  });
});
