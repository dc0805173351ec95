import { DynamicModule, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { MetricsRegistry } from './metrics-registry';
import { MetricsServer } from './metrics.server';
import { METRICS_OPTIONS, MetricsOptions } from './metrics.options';

/** Gauges other platform libs set, injectable without knowing MetricsRegistry's layout. */
export const KAFKA_CONSUMER_LAG = 'demarches:KAFKA_CONSUMER_LAG';
export const QUEUE_DEPTH = 'demarches:QUEUE_DEPTH';

@Module({})
export class MetricsModule implements NestModule {
  static forRoot(options: MetricsOptions): DynamicModule {
    return {
      module: MetricsModule,
      global: true,
      providers: [
        { provide: METRICS_OPTIONS, useValue: options },
        MetricsRegistry,
        MetricsServer,
        HttpMetricsMiddleware,
        {
          provide: KAFKA_CONSUMER_LAG,
          useFactory: (m: MetricsRegistry) => m.kafkaConsumerLag,
          inject: [MetricsRegistry],
        },
        { provide: QUEUE_DEPTH, useFactory: (m: MetricsRegistry) => m.queueDepth, inject: [MetricsRegistry] },
      ],
      exports: [MetricsRegistry, MetricsServer, KAFKA_CONSUMER_LAG, QUEUE_DEPTH],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes({ path: '*', method: RequestMethod.ALL });
  }
}
