import { Logger } from '@nestjs/common';
import { AdresseEnv } from '../adresse.config';
import { AdresseSearch, AdresseSuggestion } from '../adresse.entity';
import { AdresseException } from '../adresse.exception';
import { AdresseProvider } from '../adresse.provider';
import { CircuitBreaker, CircuitOpenError } from '../resilience/circuit-breaker';
import { fetchJson, isUpstreamOutage, UpstreamFailure } from '../resilience/fetch-json';
import { Clock, LruCache } from '../resilience/lru-cache';
import { BanMetrics } from './ban-metrics';
import { mapBanResponse } from './ban-response';

export type BanOptions = Pick<
  AdresseEnv,
  | 'BAN_URL'
  | 'BAN_TIMEOUT_MS'
  | 'BAN_CACHE_SIZE'
  | 'BAN_CACHE_TTL_MS'
  | 'BAN_BREAKER_THRESHOLD'
  | 'BAN_BREAKER_COOLDOWN_MS'
>;

/**
 * Base Adresse Nationale geocoder (GET /search/). Order of defences: the cache answers repeated keystrokes without
 * a call; the circuit breaker fails at once while the BAN is known to be down; each call is bounded by
 * BAN_TIMEOUT_MS. Only successful answers are cached, so an outage never pins an empty result.
 * Built by a factory in AdresseModule (plain constructor arguments, so tests pass a fake clock).
 */
export class BanAdresseProvider extends AdresseProvider {
  private readonly cache: LruCache<AdresseSuggestion[]>;
  private readonly breaker: CircuitBreaker;
  private readonly searchUrl: URL;
  private readonly logger = new Logger('BanAdresseProvider');

  constructor(
    private readonly options: BanOptions,
    private readonly metrics: BanMetrics,
    now: Clock = Date.now,
  ) {
    super();
    this.searchUrl = new URL('search/', withTrailingSlash(options.BAN_URL));
    this.cache = new LruCache(options.BAN_CACHE_SIZE, options.BAN_CACHE_TTL_MS, now);
    this.breaker = new CircuitBreaker({
      failureThreshold: options.BAN_BREAKER_THRESHOLD,
      cooldownMs: options.BAN_BREAKER_COOLDOWN_MS,
      now,
      onStateChange: (state) => {
        metrics.circuit(state);
        this.logger.warn({ state }, 'BAN circuit breaker state changed');
      },
    });
  }

  get circuitState(): CircuitBreaker['state'] {
    return this.breaker.state;
  }

  async search(query: AdresseSearch): Promise<AdresseSuggestion[]> {
    const url = this.urlFor(query);
    const key = url.search;
    const cached = this.cache.get(key);
    if (cached) {
      this.metrics.outcome('cache_hit');
      return cached;
    }
    const suggestions = await this.call(url);
    this.cache.set(key, suggestions);
    return suggestions;
  }

  private async call(url: URL): Promise<AdresseSuggestion[]> {
    try {
      const suggestions = await this.breaker.execute(async () => {
        const mapped = mapBanResponse(await fetchJson(url, this.options.BAN_TIMEOUT_MS));
        if (!mapped) throw new UpstreamFailure('bad_body', 'BAN answer is not a FeatureCollection');
        return mapped;
      }, isUpstreamOutage);
      this.metrics.outcome('success');
      return suggestions;
    } catch (error: unknown) {
      throw this.translate(error);
    }
  }

  private translate(error: unknown): AdresseException {
    if (error instanceof CircuitOpenError) {
      this.metrics.outcome('circuit_open');
      return AdresseException.banUnavailable('circuit_open');
    }
    if (error instanceof UpstreamFailure) {
      this.metrics.outcome(error.reason);
      // Ids and reasons only: the query is what the usager typed, possibly their home address.
      this.logger.warn({ reason: error.reason, status: error.status }, 'BAN search failed');
      return error.reason === 'http_4xx'
        ? AdresseException.banRejected(error.status)
        : AdresseException.banUnavailable(error.reason);
    }
    // A bug of ours (not the BAN's): still degrade for the usager, but say so loudly.
    this.metrics.outcome('unexpected');
    this.logger.error({ err: error }, 'BAN search failed unexpectedly');
    return AdresseException.banUnavailable('unexpected');
  }

  /**
   * The query string doubles as the cache key, built in a fixed order from normalised values so "Rue  de Rivoli"
   * and "rue de rivoli" share an entry (the BAN ignores case and repeated spaces too).
   */
  private urlFor(query: AdresseSearch): URL {
    const url = new URL(this.searchUrl);
    url.searchParams.set('q', query.q.trim().replace(/\s+/g, ' ').toLowerCase());
    url.searchParams.set('limit', String(query.limit));
    url.searchParams.set('autocomplete', query.autocomplete ? '1' : '0');
    if (query.postcode) url.searchParams.set('postcode', query.postcode);
    if (query.citycode) url.searchParams.set('citycode', query.citycode.toUpperCase());
    if (query.type) url.searchParams.set('type', query.type);
    return url;
  }
}

function withTrailingSlash(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}
