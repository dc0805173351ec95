import { CarteFeature, CarteGeometry, CarteGeometryType } from '../geojson';
import { lineLength, polygonArea } from './geodesy';

/** Measures of one feature: area in m² for surfaces, length in m for lines (rounded to the centimetre). */
export interface GeometryMeasure {
  area?: number;
  length?: number;
}

export interface FeatureMeasure extends GeometryMeasure {
  index: number;
  id?: string | number;
  geometryType: CarteGeometryType;
}

export interface CarteMeasures {
  features: FeatureMeasure[];
  /** Sum of the surfaces, m². Overlapping areas are counted twice, as the reference champ does. */
  totalArea: number;
  /** Sum of the lines, m. */
  totalLength: number;
}

const round = (value: number) => Math.round(value * 100) / 100;

export function measureGeometry(geometry: CarteGeometry): GeometryMeasure {
  switch (geometry.type) {
    case 'Point':
      return {};
    case 'LineString':
      return { length: round(lineLength(geometry.coordinates)) };
    case 'Polygon':
      return { area: round(polygonArea(geometry.coordinates)) };
    case 'MultiPolygon':
      return { area: round(geometry.coordinates.reduce((sum, p) => sum + polygonArea(p), 0)) };
  }
}

export function measureFeatures(features: CarteFeature[]): CarteMeasures {
  const measured = features.map((feature, index): FeatureMeasure => ({
    index,
    ...(feature.id !== undefined ? { id: feature.id } : {}),
    geometryType: feature.geometry.type,
    ...measureGeometry(feature.geometry),
  }));
  return {
    features: measured,
    totalArea: round(measured.reduce((sum, m) => sum + (m.area ?? 0), 0)),
    totalLength: round(measured.reduce((sum, m) => sum + (m.length ?? 0), 0)),
  };
}
