import { CarteException, CarteViolation } from '../carte.exception';
import { CARTE_LIMITS } from '../carte.limits';
import {
  CARTE_GEOMETRY_TYPES,
  CarteFeature,
  CarteFeatureCollection,
  CarteGeometry,
  CarteGeometryType,
  FeatureProperties,
  Position,
} from '../geojson';
import { readGeometry } from './read-geometry';
import { firstPolygonCrossing } from './self-intersection';
import { describe, isRecord, Problems } from './problems';

export interface CarteCheck {
  violations: CarteViolation[];
  /** The normalised value (a FeatureCollection, 2D positions), present only when there is no violation. */
  featureCollection?: CarteFeatureCollection;
}

/**
 * Validates what the usager drew (or imported) for a carte champ: a Feature or a FeatureCollection of Point,
 * LineString, Polygon or MultiPolygon. Every problem is collected, with its path, so the usager can fix them all at
 * once. The limits come from CARTE_LIMITS.
 */
export function checkCarte(input: unknown): CarteCheck {
  const problems = new Problems();
  const size = jsonBytes(input);
  if (size === undefined) {
    problems.add('', 'la valeur ne peut pas être écrite en JSON');
    return { violations: problems.list };
  }
  if (size > CARTE_LIMITS.maxGeoJsonBytes) {
    problems.add(
      '',
      `la carte pèse ${size} octets, au-delà de la limite de ${CARTE_LIMITS.maxGeoJsonBytes} octets`,
    );
    return { violations: problems.list };
  }

  const entries = featureEntries(input, problems);
  const features: CarteFeature[] = [];
  let totalVertices = 0;
  for (const [path, value] of entries) {
    const feature = readFeature(value, path, problems);
    if (!feature) continue;
    const vertices = vertexCount(feature.geometry);
    totalVertices += vertices;
    if (vertices > CARTE_LIMITS.maxVerticesPerFeature) {
      problems.add(
        Problems.join(path, 'geometry'),
        `la géométrie a ${vertices} sommets, au-delà de la limite de ${CARTE_LIMITS.maxVerticesPerFeature} par élément`,
      );
      continue; // the self-intersection check is only bounded under the vertex limit
    }
    checkSimplePolygons(feature.geometry, Problems.join(path, 'geometry.coordinates'), problems);
    features.push(feature);
  }
  if (totalVertices > CARTE_LIMITS.maxVerticesTotal) {
    problems.add(
      '',
      `la carte a ${totalVertices} sommets en tout, au-delà de la limite de ${CARTE_LIMITS.maxVerticesTotal}`,
    );
  }
  if (!problems.empty) return { violations: problems.list };
  return { violations: [], featureCollection: { type: 'FeatureCollection', features } };
}

/** checkCarte for callers that need a valid value: throws CARTE_INVALIDE listing every violation. */
export function validateCarte(input: unknown): CarteFeatureCollection {
  const { violations, featureCollection } = checkCarte(input);
  if (!featureCollection) throw CarteException.invalide(violations);
  return featureCollection;
}

function jsonBytes(input: unknown): number | undefined {
  try {
    const json = JSON.stringify(input);
    return json === undefined ? undefined : Buffer.byteLength(json, 'utf8');
  } catch {
    return undefined; // a cycle or a BigInt: not JSON at all
  }
}

/** The features to check, each with its path: one for a Feature, all of a FeatureCollection. */
function featureEntries(input: unknown, problems: Problems): [string, unknown][] {
  if (!isRecord(input)) {
    problems.add('', 'attendu un objet GeoJSON de type Feature ou FeatureCollection');
    return [];
  }
  if (input.type === 'Feature') return [['', input]];
  if (input.type !== 'FeatureCollection') {
    const hint = CARTE_GEOMETRY_TYPES.includes(input.type as CarteGeometryType)
      ? ' (une géométrie seule doit être placée dans un Feature)'
      : '';
    problems.add('type', `attendu Feature ou FeatureCollection, reçu ${describe(input.type)}${hint}`);
    return [];
  }
  if (!Array.isArray(input.features)) {
    problems.add('features', 'une FeatureCollection doit avoir un tableau features');
    return [];
  }
  if (input.features.length > CARTE_LIMITS.maxFeatures) {
    problems.add(
      'features',
      `${input.features.length} éléments, au-delà de la limite de ${CARTE_LIMITS.maxFeatures}`,
    );
  }
  return input.features.map((feature, i): [string, unknown] => [`features.${i}`, feature]);
}

function readFeature(value: unknown, path: string, problems: Problems): CarteFeature | undefined {
  if (!isRecord(value) || value.type !== 'Feature') {
    problems.add(Problems.join(path, 'type'), 'chaque élément doit être un objet de type Feature');
    return undefined;
  }
  const before = problems.count;
  const { id, properties } = value;
  if (id !== undefined && typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id))) {
    problems.add(Problems.join(path, 'id'), "l'identifiant doit être une chaîne ou un nombre");
  }
  if (properties !== undefined && properties !== null && !isRecord(properties)) {
    problems.add(Problems.join(path, 'properties'), 'les propriétés doivent être un objet');
  }
  const geometry = readGeometry(value.geometry, Problems.join(path, 'geometry'), problems);
  if (!geometry || problems.count > before) return undefined;
  const feature: CarteFeature = {
    type: 'Feature',
    geometry,
    properties: isRecord(properties) ? (properties as FeatureProperties) : {},
  };
  if (id !== undefined) feature.id = id as string | number;
  return feature;
}

function checkSimplePolygons(geometry: CarteGeometry, path: string, problems: Problems): void {
  const polygons: [string, Position[][]][] =
    geometry.type === 'Polygon'
      ? [[path, geometry.coordinates]]
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates.map((p, i): [string, Position[][]] => [Problems.join(path, i), p])
        : [];
  for (const [polygonPath, rings] of polygons) {
    const crossing = firstPolygonCrossing(rings);
    if (!crossing) continue;
    const { first, second } = crossing;
    // 1e-7 degree is about a centimetre: more digits are floating-point noise of the intersection.
    const position: Position = [round7(crossing.position[0]), round7(crossing.position[1])];
    const where =
      first.ring === second.ring
        ? `les segments ${first.segment} et ${second.segment} de l'anneau ${first.ring}`
        : `le segment ${first.segment} de l'anneau ${first.ring} et le segment ${second.segment} de l'anneau ${second.ring}`;
    problems.add(
      polygonPath,
      `le polygone se recoupe : ${where} se croisent au point [${position[0]}, ${position[1]}]`,
      position,
    );
  }
}

const round7 = (value: number) => Math.round(value * 1e7) / 1e7;

export function vertexCount(geometry: CarteGeometry): number {
  switch (geometry.type) {
    case 'Point':
      return 1;
    case 'LineString':
      return geometry.coordinates.length;
    case 'Polygon':
      return geometry.coordinates.reduce((n, ring) => n + ring.length, 0);
    case 'MultiPolygon':
      return geometry.coordinates.flat().reduce((n, ring) => n + ring.length, 0);
  }
}
