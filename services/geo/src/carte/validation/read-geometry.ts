import { CARTE_GEOMETRY_TYPES, CarteGeometry, CarteGeometryType, Position } from '../geojson';
import { describe, isRecord, Problems } from './problems';

/**
 * Geometry types refused with a hint: the reference's "sélection utilisateur" stores one simple shape per area,
 * and MultiPolygon is accepted only because cadastral parcels come as MultiPolygons.
 */
const SPLIT_HINTS: Record<string, string> = {
  MultiPoint: 'dessinez chaque point séparément',
  MultiLineString: 'dessinez chaque ligne séparément',
  GeometryCollection: 'placez chaque géométrie dans son propre Feature',
};

/** Reads a geometry, reporting every problem under `path`; returns it with 2D positions when it is valid. */
export function readGeometry(value: unknown, path: string, problems: Problems): CarteGeometry | undefined {
  if (!isRecord(value)) {
    problems.add(path, 'chaque élément doit avoir une géométrie');
    return undefined;
  }
  const type = value.type;
  if (typeof type !== 'string' || !CARTE_GEOMETRY_TYPES.includes(type as CarteGeometryType)) {
    const hint = typeof type === 'string' && SPLIT_HINTS[type] ? ` : ${SPLIT_HINTS[type]}` : '';
    problems.add(
      Problems.join(path, 'type'),
      `type de géométrie ${describe(type)} non accepté (Point, LineString, Polygon ou MultiPolygon)${hint}`,
    );
    return undefined;
  }
  const at = Problems.join(path, 'coordinates');
  const before = problems.count;
  const geometry = readCoordinates(type as CarteGeometryType, value.coordinates, at, problems);
  return problems.count === before ? geometry : undefined;
}

function readCoordinates(
  type: CarteGeometryType,
  value: unknown,
  path: string,
  problems: Problems,
): CarteGeometry | undefined {
  switch (type) {
    case 'Point': {
      const coordinates = readPosition(value, path, problems);
      return coordinates && { type, coordinates };
    }
    case 'LineString': {
      const coordinates = readLine(value, path, problems);
      return coordinates && { type, coordinates };
    }
    case 'Polygon': {
      const coordinates = readPolygon(value, path, problems);
      return coordinates && { type, coordinates };
    }
    case 'MultiPolygon': {
      if (!nonEmptyArray(value, path, 'un MultiPolygon est un tableau de polygones', problems))
        return undefined;
      const polygons = value.map((p, i) => readPolygon(p, Problems.join(path, i), problems));
      return allDefined(polygons) ? { type, coordinates: polygons } : undefined;
    }
  }
}

function readPolygon(value: unknown, path: string, problems: Problems): Position[][] | undefined {
  if (!nonEmptyArray(value, path, "un polygone est un tableau d'anneaux (contour puis trous)", problems)) {
    return undefined;
  }
  const rings = value.map((r, i) => readRing(r, Problems.join(path, i), problems));
  return allDefined(rings) ? rings : undefined;
}

/** RFC 7946 §3.1.6: a linear ring is closed and has at least four positions. */
function readRing(value: unknown, path: string, problems: Problems): Position[] | undefined {
  const ring = readPositions(value, path, problems);
  if (!ring) return undefined;
  if (ring.length < 4) {
    problems.add(path, `un anneau doit avoir au moins 4 positions (reçu ${ring.length})`);
    return undefined;
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) {
    problems.add(path, 'un anneau doit être fermé : sa dernière position doit être égale à la première');
    return undefined;
  }
  return ring;
}

function readLine(value: unknown, path: string, problems: Problems): Position[] | undefined {
  const line = readPositions(value, path, problems);
  if (line && line.length < 2) {
    problems.add(path, `une ligne doit avoir au moins 2 positions (reçu ${line.length})`);
    return undefined;
  }
  return line;
}

function readPositions(value: unknown, path: string, problems: Problems): Position[] | undefined {
  if (!Array.isArray(value)) {
    problems.add(path, 'attendu un tableau de positions [longitude, latitude]');
    return undefined;
  }
  const positions = value.map((p, i) => readPosition(p, Problems.join(path, i), problems));
  return allDefined(positions) ? positions : undefined;
}

/** A position is [lon, lat] or [lon, lat, altitude]; the altitude is checked, then dropped. */
function readPosition(value: unknown, path: string, problems: Problems): Position | undefined {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3) {
    problems.add(path, 'une position est un tableau [longitude, latitude] (altitude facultative)');
    return undefined;
  }
  const [lon, lat, alt] = value as unknown[];
  const before = problems.count;
  if (!isFiniteNumber(lon)) {
    problems.add(Problems.join(path, 0), `la longitude doit être un nombre, reçu ${describe(lon)}`);
  } else if (lon < -180 || lon > 180) {
    problems.add(Problems.join(path, 0), `la longitude doit être comprise entre -180 et 180, reçu ${lon}`);
  }
  if (!isFiniteNumber(lat)) {
    problems.add(Problems.join(path, 1), `la latitude doit être un nombre, reçu ${describe(lat)}`);
  } else if (lat < -90 || lat > 90) {
    // The usual cause is a position written [lat, lon], as many tools display it.
    const swapped = isFiniteNumber(lon) && Math.abs(lon) <= 90 ? ' (longitude et latitude inversées ?)' : '';
    problems.add(
      Problems.join(path, 1),
      `la latitude doit être comprise entre -90 et 90, reçu ${lat}${swapped}`,
    );
  }
  if (value.length === 3 && !isFiniteNumber(alt)) {
    problems.add(Problems.join(path, 2), `l'altitude doit être un nombre, reçu ${describe(alt)}`);
  }
  return problems.count === before ? [lon as number, lat as number] : undefined;
}

function nonEmptyArray(
  value: unknown,
  path: string,
  message: string,
  problems: Problems,
): value is unknown[] {
  if (Array.isArray(value) && value.length > 0) return true;
  problems.add(path, message);
  return false;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function allDefined<T>(values: (T | undefined)[]): values is T[] {
  return values.every((v) => v !== undefined);
}
