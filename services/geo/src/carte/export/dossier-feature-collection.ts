import { CarteFeatureCollection, CarteGeometry } from '../geojson';
import { measureGeometry } from '../measures/measures';

/** GeoAreaSource of the reference (rpg, the agricultural parcels, is not served by this platform). */
export type GeoAreaSource = 'selection_utilisateur' | 'cadastre';

/** One stored area of a carte champ, as the dossier service keeps it. */
export interface GeoArea {
  id: string;
  source: GeoAreaSource;
  geometry: CarteGeometry;
  description?: string;
  /** Source-specific attributes (a cadastral parcel's commune, section, numéro…), exported as they are. */
  properties?: Record<string, unknown>;
}

export interface CarteChampValue {
  champId: string;
  geoAreas: GeoArea[];
}

export interface GeoAreaExportProperties extends Record<string, unknown> {
  dossierId: string;
  champId: string;
  source: GeoAreaSource;
  description?: string;
  area?: number;
  length?: number;
}

/**
 * The dossier's "données cartographiques" as one GeoJSON FeatureCollection (the reference's Dossier.geojson): every
 * area of every carte champ, in champ order, tagged with its dossier, champ and source and measured. Pure, so the
 * dossier and export services can call it through the geo service's Kafka reply or in tests alike.
 */
export function dossierFeatureCollection(
  dossierId: string,
  champs: readonly CarteChampValue[],
): CarteFeatureCollection<GeoAreaExportProperties> {
  return {
    type: 'FeatureCollection',
    features: champs.flatMap(({ champId, geoAreas }) =>
      geoAreas.map((geoArea) => ({
        type: 'Feature' as const,
        id: geoArea.id,
        geometry: geoArea.geometry,
        properties: {
          // Source attributes first: the identifying keys below must never be overwritten by them.
          ...geoArea.properties,
          dossierId,
          champId,
          source: geoArea.source,
          ...(geoArea.description ? { description: geoArea.description } : {}),
          ...measureGeometry(geoArea.geometry),
        },
      })),
    ),
  };
}
