import { Injectable } from '@nestjs/common';
import { CadastreProvider } from '../../cadastre.provider';
import { AreaGeometry, Parcelle } from '../../parcelle.entity';

/** GeoJSON as the carte champ displays and exports it; `truncated` is a foreign member (RFC 7946 §6.1). */
export interface ParcellesFeatureCollection {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    id: string;
    geometry: AreaGeometry;
    properties: Omit<Parcelle, 'geometry'>;
  }[];
  truncated: boolean;
}

/**
 * Carte champ: the cadastral parcels a drawn area touches (the reference lists them under the map). A cadastre
 * outage surfaces as CADASTRE_UNAVAILABLE (retryable), so the caller can keep the drawing and look up later.
 */
@Injectable()
export class RechercherParcellesUseCase {
  constructor(private readonly provider: CadastreProvider) {}

  async execute(area: AreaGeometry): Promise<ParcellesFeatureCollection> {
    const { parcelles, truncated } = await this.provider.parcellesTouchees(area);
    return {
      type: 'FeatureCollection',
      features: parcelles.map(({ geometry, ...properties }) => ({
        type: 'Feature',
        id: properties.id,
        geometry,
        properties,
      })),
      truncated,
    };
  }
}
