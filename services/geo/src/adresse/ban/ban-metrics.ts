import { Counter, Gauge, MetricsRegistry } from '@demarches/platform-metrics';
import type { CircuitState } from '../resilience/circuit-breaker';

/** What happened to one address search, as counted in geo_ban_requests_total{outcome}. */
export type BanOutcome =
  | 'success'
  | 'cache_hit'
  | 'timeout'
  | 'network'
  | 'http_5xx'
  | 'http_4xx'
  | 'bad_body'
  | 'circuit_open'
  | 'unexpected';

/**
 * BAN health is a metric, not a readiness check: an unreachable BAN leaves geo fully useful (degraded mode), and a
 * failing readiness probe would only take geo out of the load balancer for nothing.
 */
export class BanMetrics {
  private readonly circuitOpen: Gauge;
  private readonly requests: Counter<'outcome'>;

  constructor(registry: MetricsRegistry) {
    this.circuitOpen = registry.gauge(
      'geo_ban_circuit_open',
      '1 while the BAN circuit breaker is open or probing (half-open), 0 when closed',
    );
    this.requests = registry.counter('geo_ban_requests_total', 'Address searches by outcome', ['outcome']);
    this.circuitOpen.set(0);
  }

  circuit(state: CircuitState): void {
    this.circuitOpen.set(state === 'closed' ? 0 : 1);
  }

  outcome(outcome: BanOutcome): void {
    this.requests.inc({ outcome });
  }
}
