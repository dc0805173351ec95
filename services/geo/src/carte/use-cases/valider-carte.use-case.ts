import { Injectable } from '@nestjs/common';
import { CarteFeatureCollection } from '../geojson';
import { CarteMeasures, measureFeatures } from '../measures/measures';
import { validateCarte } from '../validation/validate-carte';

export interface CarteValidee {
  valid: true;
  /** The value to store: a FeatureCollection with 2D positions. */
  features: CarteFeatureCollection;
  measures: CarteMeasures;
}

/** Checks what the usager drew; an invalid drawing fails with CARTE_INVALIDE listing every problem. */
@Injectable()
export class ValiderCarteUseCase {
  execute(geojson: unknown): CarteValidee {
    const features = validateCarte(geojson);
    return { valid: true, features, measures: measureFeatures(features.features) };
  }
}
