/**
 * The GeoJSON subset the carte champ stores (RFC 7946). Positions are [longitude, latitude]; an altitude sent by a
 * GPS or a KML file is accepted on input and dropped, because no rule or measure of the champ uses it.
 */
export type Position = [number, number];

export interface Point {
  type: 'Point';
  coordinates: Position;
}

export interface LineString {
  type: 'LineString';
  coordinates: Position[];
}

export interface Polygon {
  type: 'Polygon';
  /** The first ring is the outer boundary, the others are holes. */
  coordinates: Position[][];
}

export interface MultiPolygon {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}

export type CarteGeometry = Point | LineString | Polygon | MultiPolygon;
export type CarteGeometryType = CarteGeometry['type'];

export type FeatureProperties = Record<string, unknown>;

export interface CarteFeature<P extends FeatureProperties = FeatureProperties> {
  type: 'Feature';
  id?: string | number;
  geometry: CarteGeometry;
  properties: P;
}

export interface CarteFeatureCollection<P extends FeatureProperties = FeatureProperties> {
  type: 'FeatureCollection';
  features: CarteFeature<P>[];
}

export const CARTE_GEOMETRY_TYPES: readonly CarteGeometryType[] = [
  'Point',
  'LineString',
  'Polygon',
  'MultiPolygon',
];
