import { Logger } from '@nestjs/common';
import { CircuitBreaker, CircuitOpenError } from '../../adresse/resilience/circuit-breaker';
import { fetchJson, isUpstreamOutage, UpstreamFailure } from '../../adresse/resilience/fetch-json';
import type { Clock } from '../../adresse/resilience/lru-cache';
import { CadastreEnv } from '../cadastre.config';
import { CadastreException } from '../cadastre.exception';
import { CadastreProvider } from '../cadastre.provider';
import { AreaGeometry, ParcellesTouchees, Position } from '../parcelle.entity';
import { mapApiCartoParcelles } from './apicarto-response';
import { CadastreMetrics } from './cadastre-metrics';

export type ApiCartoOptions = Pick<
  CadastreEnv,
  | 'CADASTRE_URL'
  | 'CADASTRE_TIMEOUT_MS'
  | 'CADASTRE_MAX_PARCELLES'
  | 'CADASTRE_BREAKER_THRESHOLD'
  | 'CADASTRE_BREAKER_COOLDOWN_MS'
>;

/** 7 decimals of a degree ≈ 1 cm: finer digits only lengthen the URL that carries the geometry. */
const PRECISION = 1e7;

/**
 * API Carto cadastre: GET /parcelle?geom=<GeoJSON geometry>&_limit=. No cache (drawn areas rarely repeat), but a
 * circuit breaker so a cadastre outage fails fast instead of holding each request for CADASTRE_TIMEOUT_MS.
 */
export class ApiCartoCadastreProvider extends CadastreProvider {
  private readonly breaker: CircuitBreaker;
  private readonly parcelleUrl: URL;
  private readonly logger = new Logger('ApiCartoCadastreProvider');

  constructor(
    private readonly options: ApiCartoOptions,
    private readonly metrics: CadastreMetrics,
    now: Clock = Date.now,
  ) {
    super();
    const base = options.CADASTRE_URL.endsWith('/') ? options.CADASTRE_URL : `${options.CADASTRE_URL}/`;
    this.parcelleUrl = new URL('parcelle', base);
    this.breaker = new CircuitBreaker({
      failureThreshold: options.CADASTRE_BREAKER_THRESHOLD,
      cooldownMs: options.CADASTRE_BREAKER_COOLDOWN_MS,
      now,
      onStateChange: (state) => {
        metrics.circuit(state);
        this.logger.warn({ state }, 'cadastre circuit breaker state changed');
      },
    });
  }

  async parcellesTouchees(area: AreaGeometry): Promise<ParcellesTouchees> {
    const url = new URL(this.parcelleUrl);
    url.searchParams.set('geom', JSON.stringify(rounded(area)));
    url.searchParams.set('_limit', String(this.options.CADASTRE_MAX_PARCELLES));
    try {
      const parcelles = await this.breaker.execute(async () => {
        const mapped = mapApiCartoParcelles(await fetchJson(url, this.options.CADASTRE_TIMEOUT_MS));
        if (!mapped) throw new UpstreamFailure('bad_body', 'API Carto answer is not a FeatureCollection');
        return mapped;
      }, isUpstreamOutage);
      this.metrics.outcome('success');
      return { parcelles, truncated: parcelles.length >= this.options.CADASTRE_MAX_PARCELLES };
    } catch (error: unknown) {
      throw this.translate(error);
    }
  }

  private translate(error: unknown): CadastreException {
    if (error instanceof CircuitOpenError) {
      this.metrics.outcome('circuit_open');
      return CadastreException.unavailable('circuit_open');
    }
    if (error instanceof UpstreamFailure) {
      this.metrics.outcome(error.reason);
      this.logger.warn({ reason: error.reason, status: error.status }, 'cadastre lookup failed');
      return error.reason === 'http_4xx'
        ? CadastreException.rejected(error.status)
        : CadastreException.unavailable(error.reason);
    }
    this.metrics.outcome('unexpected');
    this.logger.error({ err: error }, 'cadastre lookup failed unexpectedly');
    return CadastreException.unavailable('unexpected');
  }
}

function rounded(area: AreaGeometry): AreaGeometry {
  const round = (p: Position): Position => p.slice(0, 2).map((n) => Math.round(n * PRECISION) / PRECISION);
  return area.type === 'Polygon'
    ? { type: 'Polygon', coordinates: area.coordinates.map((ring) => ring.map(round)) }
    : {
        type: 'MultiPolygon',
        coordinates: area.coordinates.map((poly) => poly.map((ring) => ring.map(round))),
      };
}
