import { Position } from '../geojson';

/**
 * Self-intersection of one polygon (its outer ring and holes), in the lon/lat plane: a drawn area is small enough
 * that the planar test gives the same answer as a geodesic one.
 *
 * Rules, after dropping repeated consecutive positions (harmless, and they would make adjacent segments look
 * disjoint):
 * - two non-adjacent segments of the same ring may not touch at all (crossing, touching or overlapping);
 * - two adjacent segments may not fold back onto each other (a zero-width spike);
 * - segments of different rings may not cross or overlap; touching at one point is allowed, as in OGC simple
 *   features (a hole may touch the outer ring at a vertex).
 *
 * Segments are swept by increasing minimum longitude, so only pairs whose longitude spans overlap are tested: the
 * worst case stays O(n²) (bounded by the vertex limit), the usual case is close to O(n log n).
 */
export interface PolygonCrossing {
  /** Ring and segment indexes, in ring order; segment k goes from position k to position k + 1. */
  first: { ring: number; segment: number };
  second: { ring: number; segment: number };
  position: Position;
}

interface Segment {
  ring: number;
  index: number;
  /** Segments in the ring, to recognise the last and the first as adjacent. */
  ringSize: number;
  a: Position;
  b: Position;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

type Contact = { kind: 'cross' | 'touch' | 'overlap'; position: Position };

export function firstPolygonCrossing(rings: Position[][]): PolygonCrossing | undefined {
  const byRing = rings.map((ring, r) => segmentsOf(withoutRepeats(ring), r));
  const segments = byRing.flat();
  let best: PolygonCrossing | undefined;
  const consider = (s: Segment, t: Segment, position: Position) => {
    const [first, second] = order(s, t);
    const candidate = {
      first: { ring: first.ring, segment: first.index },
      second: { ring: second.ring, segment: second.index },
      position,
    };
    if (!best || compare(candidate, best) < 0) best = candidate;
  };

  for (const ring of byRing) {
    for (const s of ring) {
      const next = ring[(s.index + 1) % ring.length];
      if (ring.length >= 2 && foldsBack(s, next)) consider(s, next, s.b);
    }
  }

  const byMinX = [...segments].sort((s, t) => s.minX - t.minX);
  for (let i = 0; i < byMinX.length; i++) {
    const s = byMinX[i];
    for (let j = i + 1; j < byMinX.length && byMinX[j].minX <= s.maxX; j++) {
      const t = byMinX[j];
      if (t.minY > s.maxY || t.maxY < s.minY || adjacent(s, t)) continue;
      const contact = contactOf(s.a, s.b, t.a, t.b);
      if (!contact) continue;
      if (s.ring !== t.ring && contact.kind === 'touch') continue;
      consider(s, t, contact.position);
    }
  }
  return best;
}

function withoutRepeats(ring: Position[]): Position[] {
  return ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1][0] || p[1] !== ring[i - 1][1]);
}

function segmentsOf(ring: Position[], r: number): Segment[] {
  const ringSize = ring.length - 1;
  const segments: Segment[] = [];
  for (let k = 0; k < ringSize; k++) {
    const a = ring[k];
    const b = ring[k + 1];
    segments.push({
      ring: r,
      index: k,
      ringSize,
      a,
      b,
      minX: Math.min(a[0], b[0]),
      maxX: Math.max(a[0], b[0]),
      minY: Math.min(a[1], b[1]),
      maxY: Math.max(a[1], b[1]),
    });
  }
  return segments;
}

function adjacent(s: Segment, t: Segment): boolean {
  if (s.ring !== t.ring) return false;
  const gap = Math.abs(s.index - t.index);
  return gap === 1 || gap === s.ringSize - 1;
}

/** `next` goes back along `s` (a spike: the ring has zero width there). */
function foldsBack(s: Segment, next: Segment): boolean {
  const [ax, ay] = [s.a[0] - s.b[0], s.a[1] - s.b[1]];
  const [cx, cy] = [next.b[0] - s.b[0], next.b[1] - s.b[1]];
  return ax * cy - ay * cx === 0 && ax * cx + ay * cy > 0;
}

function orient(p: Position, q: Position, r: Position): number {
  return Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
}

/** r lies within the bounding box of p-q (callers already know the three are collinear). */
function within(p: Position, q: Position, r: Position): boolean {
  return (
    Math.min(p[0], q[0]) <= r[0] &&
    r[0] <= Math.max(p[0], q[0]) &&
    Math.min(p[1], q[1]) <= r[1] &&
    r[1] <= Math.max(p[1], q[1])
  );
}

export function contactOf(a: Position, b: Position, c: Position, d: Position): Contact | undefined {
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  if (o1 * o2 < 0 && o3 * o4 < 0) {
    const rx = b[0] - a[0];
    const ry = b[1] - a[1];
    const sx = d[0] - c[0];
    const sy = d[1] - c[1];
    const t = ((c[0] - a[0]) * sy - (c[1] - a[1]) * sx) / (rx * sy - ry * sx);
    return { kind: 'cross', position: [a[0] + t * rx, a[1] + t * ry] };
  }
  if (o1 === 0 && o2 === 0) {
    // Collinear: they overlap when they share more than one point.
    const shared = [c, d].filter((p) => within(a, b, p)).concat([a, b].filter((p) => within(c, d, p)));
    if (shared.length === 0) return undefined;
    const distinct = shared.some((p) => p[0] !== shared[0][0] || p[1] !== shared[0][1]);
    return { kind: distinct ? 'overlap' : 'touch', position: shared[0] };
  }
  if (o1 === 0 && within(a, b, c)) return { kind: 'touch', position: c };
  if (o2 === 0 && within(a, b, d)) return { kind: 'touch', position: d };
  if (o3 === 0 && within(c, d, a)) return { kind: 'touch', position: a };
  if (o4 === 0 && within(c, d, b)) return { kind: 'touch', position: b };
  return undefined;
}

function order(s: Segment, t: Segment): [Segment, Segment] {
  return s.ring < t.ring || (s.ring === t.ring && s.index <= t.index) ? [s, t] : [t, s];
}

function compare(x: PolygonCrossing, y: PolygonCrossing): number {
  return (
    x.first.ring - y.first.ring ||
    x.first.segment - y.first.segment ||
    x.second.ring - y.second.ring ||
    x.second.segment - y.second.segment
  );
}
