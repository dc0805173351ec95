import { z } from 'zod';

/**
 * Bound on the vertices of one lookup. Deep validation (ranges, self-intersections, the carte champ's own limits)
 * is the carte module's job; this bound only keeps the API Carto GET URL, which carries the geometry, sane.
 */
export const MAX_VERTICES = 1000;

const position = z.array(z.number().finite()).min(2).max(3);
const ring = z.array(position).min(4, 'un anneau a au moins 4 positions (fermé)');
const polygon = z.array(ring).min(1);

export const areaGeometrySchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('Polygon'), coordinates: polygon }),
    z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(polygon).min(1) }),
  ])
  .refine((g) => vertexCount(g.coordinates) <= MAX_VERTICES, {
    message: `au plus ${MAX_VERTICES} sommets`,
    path: ['coordinates'],
  });

export const parcellesBody = z.object({ geometry: areaGeometrySchema });

function vertexCount(coordinates: unknown[]): number {
  let count = 0;
  const walk = (node: unknown[]): void => {
    for (const child of node) {
      if (Array.isArray(child) && Array.isArray(child[0])) walk(child);
      else count += 1;
    }
  };
  walk(coordinates);
  return count;
}
