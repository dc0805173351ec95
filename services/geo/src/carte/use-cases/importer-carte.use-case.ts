import { Injectable } from '@nestjs/common';
import { CarteFeatureCollection } from '../geojson';
import { importCarte } from '../import/import-carte';
import { ImportFormat } from '../import/xml-document';
import { CarteMeasures, measureFeatures } from '../measures/measures';

export interface CarteImportee {
  features: CarteFeatureCollection;
  measures: CarteMeasures;
}

/**
 * Turns a GPX/KML file into the champ's GeoJSON for the usager to review on the map; nothing is stored here, the
 * dossier keeps the value when the usager saves the champ.
 */
@Injectable()
export class ImporterCarteUseCase {
  execute(input: { format: ImportFormat; content: string }): CarteImportee {
    const features = importCarte(input.format, input.content);
    return { features, measures: measureFeatures(features.features) };
  }
}
