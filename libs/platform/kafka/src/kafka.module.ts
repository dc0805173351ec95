import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { provideHealthIndicator } from '@demarches/platform-health';
import { CommandClient } from './command/command.client';
import { HandlerRegistry } from './consumer/handler.registry';
import { KafkaConsumerHost } from './consumer/kafka-consumer.host';
import { createKafkaClient } from './core/kafka-client';
import { KafkaProducer } from './core/kafka.producer';
import { KafkaHealthIndicator } from './kafka.health';
import {
  KAFKA_CLIENT,
  KAFKA_OPTIONS,
  resolveKafkaOptions,
  type KafkaModuleOptions,
  type ResolvedKafkaOptions,
} from './kafka.options';
import { OutboxRelay } from './outbox/outbox.relay';
import { OUTBOX_REGISTRY } from './outbox/outbox.registry';

/**
 * Kafka for one service: the producer, the outbox relay, the consumers of its @OnEvent / @OnCommand handlers,
 * the command client and the readiness indicator. Global, so feature modules use OutboxModule.forFeature and
 * inject CommandClient / KafkaProducer without importing it again.
 */
@Module({})
export class KafkaModule {
  static forRoot(options: KafkaModuleOptions): DynamicModule {
    const resolved = resolveKafkaOptions(options);
    return {
      module: KafkaModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [
        { provide: KAFKA_OPTIONS, useValue: resolved },
        {
          provide: KAFKA_CLIENT,
          useFactory: (o: ResolvedKafkaOptions) => createKafkaClient(o),
          inject: [KAFKA_OPTIONS],
        },
        { provide: OUTBOX_REGISTRY, useValue: [] },
        KafkaProducer,
        OutboxRelay,
        HandlerRegistry,
        KafkaConsumerHost,
        CommandClient,
        ...provideHealthIndicator(KafkaHealthIndicator),
      ],
      exports: [
        KAFKA_OPTIONS,
        KAFKA_CLIENT,
        OUTBOX_REGISTRY,
        KafkaProducer,
        OutboxRelay,
        KafkaConsumerHost,
        CommandClient,
        KafkaHealthIndicator,
      ],
    };
  }
}
