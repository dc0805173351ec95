import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { EventTypeOf, PayloadOf, TopicName } from '@demarches/contracts';
import { Partitioners, type Kafka, type Message, type Producer } from 'kafkajs';
import { KAFKA_CLIENT, KAFKA_OPTIONS, type ResolvedKafkaOptions } from '../kafka.options';
import { outboxEvent, toKafkaMessage } from '../outbox/outbox-event.factory';
import { TopicNames } from './topic-names';

/**
 * The one producer of the application: acks=all (-1) and idempotent, one request in flight so retries cannot
 * reorder a partition. After a failed send the producer is thrown away and rebuilt on the next send: a fresh
 * producer id avoids kafkajs' idempotent sequence getting stuck after a broker restart.
 */
@Injectable()
export class KafkaProducer implements OnApplicationShutdown {
  private readonly logger = new Logger(KafkaProducer.name);
  private readonly names: TopicNames;
  private producer?: Promise<Producer>;

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    @Inject(KAFKA_OPTIONS) options: ResolvedKafkaOptions,
  ) {
    this.names = new TopicNames(options.topicPrefix);
  }

  /** Sends records to LOGICAL topics (the prefix is applied here). Throws when Kafka did not acknowledge them. */
  async send(batches: { topic: string; messages: Message[] }[]): Promise<void> {
    await this.sendPhysical(
      batches.map((b) => ({ topic: this.names.physical(b.topic), messages: b.messages })),
    );
  }

  /** Sends to topics named exactly (a `reply-to` header already carries the physical name). */
  async sendPhysical(batches: { topic: string; messages: Message[] }[]): Promise<void> {
    if (batches.length === 0) return;
    const producer = await this.connected();
    try {
      await producer.sendBatch({ acks: -1, topicMessages: batches });
    } catch (error: unknown) {
      await this.reset();
      throw error;
    }
  }

  /**
   * Publishes one event directly. Not atomic with any state change: a state change and its event go through
   * the outbox (VersionedRepository + OutboxRelay); this is for facts that have no state of their own.
   */
  async publish<T extends TopicName, E extends EventTypeOf<T>>(
    topic: T,
    eventType: E,
    key: string,
    payload: PayloadOf<T, E>,
  ): Promise<string> {
    const event = outboxEvent(topic, eventType, key, payload);
    await this.send([{ topic, messages: [toKafkaMessage(event)] }]);
    return event.id;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.reset();
  }

  private connected(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        // murmur2 like the Java client: a key lands on the same partition whoever produces it.
        createPartitioner: Partitioners.DefaultPartitioner,
        // Bounded: the outbox relay owns the retry loop (with backoff, forever); kafkajs' default for an
        // idempotent producer is to retry forever inside one send, which would hang the relay's poll.
        retry: { retries: 5, initialRetryTime: 300, maxRetryTime: 3000 },
      });
      this.producer = producer.connect().then(
        () => producer,
        async (error: unknown) => {
          this.producer = undefined;
          await producer.disconnect().catch(() => undefined);
          throw error;
        },
      );
    }
    return this.producer;
  }

  private async reset(): Promise<void> {
    const current = this.producer;
    this.producer = undefined;
    if (!current) return;
    try {
      await (await current).disconnect();
    } catch (error: unknown) {
      this.logger.debug(`producer disconnect failed: ${String(error)}`);
    }
  }
}
