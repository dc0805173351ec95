import { Position } from '../geojson';
import { contactOf, firstPolygonCrossing } from './self-intersection';

describe(firstPolygonCrossing.name, () => {
  const square: Position[] = [
    [0, 0],
    [4, 0],
    [4, 4],
    [0, 4],
    [0, 0],
  ];

  it('accepts a simple ring', () => {
    expect(firstPolygonCrossing([square])).toBeUndefined();
  });

  it('finds where a bow-tie crosses itself', () => {
    const bowTie: Position[] = [
      [0, 0],
      [2, 2],
      [2, 0],
      [0, 2],
      [0, 0],
    ];
    expect(firstPolygonCrossing([bowTie])).toEqual({
      first: { ring: 0, segment: 0 },
      second: { ring: 0, segment: 2 },
      position: [1, 1],
    });
  });

  it('reports the first crossing in ring order when there are several', () => {
    // A zigzag closing back across itself twice.
    const ring: Position[] = [
      [0, 0],
      [6, 0],
      [6, 2],
      [0, 2],
      [3, -1],
      [5, 3],
      [0, 0],
    ];
    const crossing = firstPolygonCrossing([ring]);
    expect(crossing).toEqual({
      first: { ring: 0, segment: 0 },
      second: { ring: 0, segment: 3 },
      position: [2, 0],
    });
  });

  it('refuses a ring that touches itself at a vertex', () => {
    const ring: Position[] = [
      [0, 0],
      [4, 0],
      [2, 2],
      [4, 4],
      [0, 4],
      [2, 2],
      [0, 0],
    ];
    expect(firstPolygonCrossing([ring])?.position).toEqual([2, 2]);
  });

  it('refuses a spike that goes back along its previous segment', () => {
    const ring: Position[] = [
      [0, 0],
      [4, 0],
      [6, 0],
      [5, 0],
      [4, 4],
      [0, 0],
    ];
    expect(firstPolygonCrossing([ring])).toBeDefined();
  });

  it('ignores repeated consecutive positions', () => {
    const ring: Position[] = [
      [0, 0],
      [4, 0],
      [4, 0],
      [4, 4],
      [0, 4],
      [0, 0],
    ];
    expect(firstPolygonCrossing([ring])).toBeUndefined();
  });

  it('refuses a hole that crosses the outer ring', () => {
    const hole: Position[] = [
      [3, 1],
      [5, 1],
      [5, 2],
      [3, 2],
      [3, 1],
    ];
    expect(firstPolygonCrossing([square, hole])).toMatchObject({
      first: { ring: 0, segment: 1 },
      second: { ring: 1 },
      position: [4, 1],
    });
  });

  it('allows a hole that touches the outer ring at one point', () => {
    const hole: Position[] = [
      [4, 2],
      [2, 1],
      [2, 3],
      [4, 2],
    ];
    expect(firstPolygonCrossing([square, hole])).toBeUndefined();
  });

  it('checks a 10 000-vertex ring quickly', () => {
    const n = 9_999;
    const circle: Position[] = Array.from({ length: n }, (_, i) => [
      Math.cos((2 * Math.PI * i) / n),
      Math.sin((2 * Math.PI * i) / n),
    ]);
    circle.push(circle[0]);
    const started = Date.now();
    expect(firstPolygonCrossing([circle])).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe(contactOf.name, () => {
  it('tells crossing, touching, overlapping and disjoint segments apart', () => {
    expect(contactOf([0, 0], [2, 2], [0, 2], [2, 0])).toEqual({ kind: 'cross', position: [1, 1] });
    expect(contactOf([0, 0], [2, 0], [1, 0], [1, 3])).toEqual({ kind: 'touch', position: [1, 0] });
    expect(contactOf([0, 0], [2, 0], [1, 0], [3, 0])?.kind).toBe('overlap');
    expect(contactOf([0, 0], [2, 0], [2, 0], [3, 0])?.kind).toBe('touch');
    expect(contactOf([0, 0], [1, 0], [2, 0], [3, 0])).toBeUndefined();
    expect(contactOf([0, 0], [1, 1], [0, 1], [0.4, 0.9])).toBeUndefined();
  });
});
