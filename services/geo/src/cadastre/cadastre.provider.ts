import { AreaGeometry, ParcellesTouchees } from './parcelle.entity';

/**
 * Port to a cadastre source. Implementations throw CadastreException CADASTRE_UNAVAILABLE (retryable) when the
 * source cannot answer and CADASTRE_REJECTED when it refuses the area. Abstract class = Nest injection token.
 */
export abstract class CadastreProvider {
  abstract parcellesTouchees(area: AreaGeometry): Promise<ParcellesTouchees>;
}
