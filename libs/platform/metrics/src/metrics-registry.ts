import { Inject, Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { METRICS_OPTIONS, MetricsOptions } from './metrics.options';

type Labels<L extends string> = readonly L[];

/**
 * One prom-client registry per application (never the global one, so tests can run several apps in one
 * process). Holds the platform-wide metrics and creates service-specific ones idempotently.
 */
@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();

  readonly httpRequestDuration: Histogram<'method' | 'route' | 'status'>;
  /** Set by the kafka lib after each lag sample. */
  readonly kafkaConsumerLag: Gauge<'group' | 'topic' | 'partition'>;
  /** Set by the queue lib on each depth sample. */
  readonly queueDepth: Gauge<'queue' | 'state'>;

  constructor(@Inject(METRICS_OPTIONS) options: MetricsOptions) {
    this.registry.setDefaultLabels({ service: options.service });
    collectDefaultMetrics({ register: this.registry });
    this.httpRequestDuration = this.histogram(
      'http_request_duration_seconds',
      'Duration of HTTP requests handled by the service',
      ['method', 'route', 'status'],
      [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    );
    this.kafkaConsumerLag = this.gauge(
      'kafka_consumer_lag',
      'Messages not yet consumed, per consumer group and partition',
      ['group', 'topic', 'partition'],
    );
    this.queueDepth = this.gauge('queue_depth', 'Jobs per queue and state', ['queue', 'state']);
  }

  counter<L extends string>(name: string, help: string, labelNames: Labels<L> = []): Counter<L> {
    const existing = this.registry.getSingleMetric(name);
    if (existing instanceof Counter) return existing as Counter<L>;
    return new Counter<L>({ name, help, labelNames, registers: [this.registry] });
  }

  gauge<L extends string>(name: string, help: string, labelNames: Labels<L> = []): Gauge<L> {
    const existing = this.registry.getSingleMetric(name);
    if (existing instanceof Gauge) return existing as Gauge<L>;
    return new Gauge<L>({ name, help, labelNames, registers: [this.registry] });
  }

  histogram<L extends string>(
    name: string,
    help: string,
    labelNames: Labels<L> = [],
    buckets?: number[],
  ): Histogram<L> {
    const existing = this.registry.getSingleMetric(name);
    if (existing instanceof Histogram) return existing as Histogram<L>;
    return new Histogram<L>({
      name,
      help,
      labelNames,
      registers: [this.registry],
      ...(buckets ? { buckets } : {}),
    });
  }

  /** Prometheus text exposition of every metric in this registry. */
  render(): Promise<string> {
    return this.registry.metrics();
  }
}
