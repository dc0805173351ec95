import { accept, CarteValue, isRecord, refuse, ShapeValidator } from './types';

/** Same bound as geo's (CARTE_LIMITS.maxFeatures); geo checks geometry, vertices and size. */
const MAX_FEATURES = 100;

/**
 * Carte: a GeoJSON FeatureCollection. Only its envelope is checked here; geo validates the geometries and returns
 * the normalised collection that is stored (CommandTopics.validerCarte).
 */
export const carte: ShapeValidator = (value) => {
  if (!isRecord(value) || value['type'] !== 'FeatureCollection' || !Array.isArray(value['features']))
    return refuse('doit être un tracé GeoJSON (FeatureCollection)');
  const features = value['features'] as unknown[];
  if (features.length > MAX_FEATURES) return refuse(`ne doit pas compter plus de ${MAX_FEATURES} tracés`);
  if (!features.every((feature) => isRecord(feature) && feature['type'] === 'Feature'))
    return refuse('doit ne contenir que des objets GeoJSON « Feature »');
  return accept<CarteValue>({
    type: 'FeatureCollection',
    features: features as Array<Record<string, unknown>>,
  });
};
