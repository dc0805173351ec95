import { Counter, Gauge, MetricsRegistry } from '@demarches/platform-metrics';
import type { CircuitState } from '../../adresse/resilience/circuit-breaker';

export type CadastreOutcome =
  'success' | 'timeout' | 'network' | 'http_5xx' | 'http_4xx' | 'bad_body' | 'circuit_open' | 'unexpected';

/** Like the BAN, an API Carto outage is observed through metrics, not readiness: geo still serves everything else. */
export class CadastreMetrics {
  private readonly circuitOpen: Gauge;
  private readonly requests: Counter<'outcome'>;

  constructor(registry: MetricsRegistry) {
    this.circuitOpen = registry.gauge(
      'geo_cadastre_circuit_open',
      '1 while the cadastre circuit breaker is open or probing (half-open), 0 when closed',
    );
    this.requests = registry.counter('geo_cadastre_requests_total', 'Cadastre lookups by outcome', [
      'outcome',
    ]);
    this.circuitOpen.set(0);
  }

  circuit(state: CircuitState): void {
    this.circuitOpen.set(state === 'closed' ? 0 : 1);
  }

  outcome(outcome: CadastreOutcome): void {
    this.requests.inc({ outcome });
  }
}
