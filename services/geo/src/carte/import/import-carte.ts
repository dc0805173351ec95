import { CarteFeatureCollection } from '../geojson';
import { validateCarte } from '../validation/validate-carte';
import { importGpx } from './import-gpx';
import { importKml } from './import-kml';
import { ImportFormat } from './xml-document';

const IMPORTERS: Record<ImportFormat, (content: string) => CarteFeatureCollection> = {
  gpx: importGpx,
  kml: importKml,
};

/**
 * A GPX/KML file to the carte champ's FeatureCollection. An unreadable file fails with CARTE_IMPORT_INVALIDE; a
 * readable one whose shapes break a rule of the champ (too many points, a self-intersecting polygon…) fails with
 * CARTE_INVALIDE like a drawing would, its paths pointing into the imported collection.
 */
export function importCarte(format: ImportFormat, content: string): CarteFeatureCollection {
  return validateCarte(IMPORTERS[format](content));
}
