/** The GeoJSON geometries a drawn area or a parcel can have (WGS 84 positions, [lon, lat] or [lon, lat, alt]). */
export type Position = number[];
export type AreaGeometry =
  { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };

/** A cadastral parcel (Parcellaire Express), with the fields the carte champ shows and exports. */
export interface Parcelle {
  /** IDU, 14 characters: INSEE code (5), prefixe (3), section (2), numero (4), e.g. "75107000AB0012". */
  id: string;
  /** INSEE code of the commune. */
  commune: string;
  nomCommune?: string;
  /** Code of the absorbed commune ("000" when none), part of the cadastral reference. */
  prefixe: string;
  section: string;
  numero: string;
  /** Contenance cadastrale, in m². */
  surface: number;
  geometry: AreaGeometry;
}

export interface ParcellesTouchees {
  parcelles: Parcelle[];
  /** true when API Carto returned its maximum page: the area touches more parcels than listed. */
  truncated: boolean;
}
