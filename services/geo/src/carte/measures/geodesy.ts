import { Position } from '../geojson';

/**
 * Geodesic measures on a sphere, with the formulas of turf 7's `area` and `length`, so the figures match what the
 * usual web map tools show.
 *
 * One radius for both: the WGS84 mean radius, within 2 m of the authalic radius (the sphere with the ellipsoid's
 * surface), which is the right one for areas. turf ≤ 6 used the equatorial radius 6 378 137 m for areas, which
 * overstates them by 0.22 % (a 1°×1° cell at the equator: 12 391 km² instead of 12 364 km²).
 */
export const EARTH_RADIUS_M = 6_371_008.8;

const rad = (degrees: number) => (degrees * Math.PI) / 180;

/**
 * Area of a closed ring on the sphere (Chamberlain & Duquette, "Some algorithms for polygons on a sphere", JPL
 * 2007): A = R²/2 · |Σ (λ[i+1] − λ[i−1]) · sin φ[i]|. Orientation does not matter.
 */
export function ringArea(ring: Position[]): number {
  // The ring repeats its first position at the end; the formula walks the distinct vertices cyclically.
  const n = ring.length - 1;
  if (n < 3) return 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const previous = ring[(i + n - 1) % n];
    const current = ring[i];
    const next = ring[(i + 1) % n];
    total += (rad(next[0]) - rad(previous[0])) * Math.sin(rad(current[1]));
  }
  return Math.abs((total * EARTH_RADIUS_M * EARTH_RADIUS_M) / 2);
}

/** Outer ring minus holes. */
export function polygonArea(rings: Position[][]): number {
  const [outer, ...holes] = rings;
  if (!outer) return 0;
  return Math.max(0, ringArea(outer) - holes.reduce((sum, hole) => sum + ringArea(hole), 0));
}

/** Great-circle distance by the haversine formula. */
export function haversineDistance(a: Position, b: Position): number {
  const dLat = rad(b[1] - a[1]);
  const dLon = rad(b[0] - a[0]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h));
}

export function lineLength(line: Position[]): number {
  let total = 0;
  for (let i = 1; i < line.length; i++) total += haversineDistance(line[i - 1], line[i]);
  return total;
}
