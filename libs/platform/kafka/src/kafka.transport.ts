import type { INestApplication } from '@nestjs/common';
import { Server, type CustomTransportStrategy } from '@nestjs/microservices';
import { KafkaConsumerHost } from './consumer/kafka-consumer.host';

/**
 * The consumers as a @nestjs/microservices transport, so the app starts and closes them like any microservice
 * (`connectMicroservice` + `startAllMicroservices`; `app.close()` closes it). Message handling itself is ours
 * (KafkaConsumerHost over kafkajs): Nest's Kafka transport has no per-message headers API for our envelope, no
 * dead-letter topic, no idempotency, and turns every non-RpcException into "Internal server error".
 */
export class KafkaEventsTransport extends Server implements CustomTransportStrategy {
  constructor(private readonly host: KafkaConsumerHost) {
    super();
  }

  listen(callback: (...optionalParams: unknown[]) => void): void {
    this.host.start().then(
      () => callback(),
      (error: unknown) => callback(error),
    );
  }

  async close(): Promise<void> {
    await this.host.stop();
  }

  on(): void {
    // No transport-level events to expose.
  }

  unwrap<T>(): T {
    return this.host as T;
  }
}

/**
 * For a service's main (platform-runtime's `kafka` hook or `beforeListen`): starts every @OnEvent / @OnCommand
 * consumer and resolves once the consumer group is joined.
 */
export async function connectKafka(app: INestApplication): Promise<void> {
  const host = app.get(KafkaConsumerHost);
  app.connectMicroservice({ strategy: new KafkaEventsTransport(host) }, { inheritAppConfig: true });
  await app.startAllMicroservices();
}

/** The shape platform-runtime's ServiceDefinition.kafka expects. */
export const kafkaConnector = { connect: connectKafka };
