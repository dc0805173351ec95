import { Inject, Injectable, Logger, OnModuleDestroy, Optional } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { KAFKA_CONSUMER_LAG } from '@demarches/platform-metrics';
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import type { Gauge } from 'prom-client';
import type { Connection } from 'mongoose';
import { deadLetterTopic } from '@demarches/contracts';
import { KafkaProducer } from '../core/kafka.producer';
import { ensureTopics } from '../core/topic-admin';
import { withTimeout } from '../core/with-timeout';
import { TopicNames } from '../core/topic-names';
import { KAFKA_CLIENT, KAFKA_OPTIONS, type ResolvedKafkaOptions } from '../kafka.options';
import { HandlerRegistry, type Handlers } from './handler.registry';
import { MessageProcessor } from './message-processor';
import { ProcessedEventsJanitor } from './processed-events.janitor';
import { MongoProcessedEvents } from './processed-events.store';

type LagGauge = Gauge<'group' | 'topic' | 'partition'>;

/**
 * Runs the service's consumer group over every topic that has an @OnEvent or @OnCommand handler.
 * Offsets are resolved message by message and committed only after the message was handled, dead-lettered or
 * answered, so a crash or a broker outage redelivers instead of losing. Stopping drains the batch in progress.
 */
@Injectable()
export class KafkaConsumerHost implements OnModuleDestroy {
  private readonly logger = new Logger(KafkaConsumerHost.name);
  private readonly names: TopicNames;
  private consumer?: Consumer;
  private janitor?: ProcessedEventsJanitor;
  private abort = new AbortController();

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    @Inject(KAFKA_OPTIONS) private readonly options: ResolvedKafkaOptions,
    private readonly registry: HandlerRegistry,
    private readonly producer: KafkaProducer,
    @Optional() @InjectConnection() private readonly connection?: Connection,
    @Optional() @Inject(KAFKA_CONSUMER_LAG) private readonly lag?: LagGauge,
  ) {
    this.names = new TopicNames(options.topicPrefix);
  }

  get group(): string {
    return this.names.group(this.options.groupId);
  }

  /** Connects, subscribes and waits until the group is joined. No handler: nothing to start. */
  async start(): Promise<void> {
    if (this.consumer) return;
    const handlers = this.registry.discover();
    const topics = [...handlers.events.keys(), ...handlers.commands.keys()];
    if (topics.length === 0) return;
    if (!this.connection) throw new Error('Kafka consumers need MongoModule (processed_events dedupe store)');

    if (this.options.ensureTopics) {
      const physical = topics.flatMap((t) => [
        this.names.physical(t),
        this.names.physical(deadLetterTopic(t)),
      ]);
      await ensureTopics(this.kafka, physical, {
        partitions: this.options.topicPartitions,
        replicationFactor: this.options.topicReplicationFactor,
      });
    }
    const store = new MongoProcessedEvents(this.connection);
    await store.init();
    this.janitor = new ProcessedEventsJanitor(
      store,
      this.options.consumer.processedEventsRetentionMs,
      this.options.consumer.processedEventsPurgeIntervalMs,
    );
    this.janitor.start();

    this.abort = new AbortController();
    const processor = this.processor(handlers, store);
    const consumer = this.kafka.consumer({
      groupId: this.group,
      sessionTimeout: 30_000,
      heartbeatInterval: 3000,
      // A new group reads from the start: a service deployed after events were written still sees them.
      allowAutoTopicCreation: false,
    });
    this.consumer = consumer;
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.connect();
    await consumer.subscribe({ topics: topics.map((t) => this.names.physical(t)), fromBeginning: true });
    await consumer.run({
      partitionsConsumedConcurrently: this.options.consumer.partitionsConsumedConcurrently,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.eachBatch(processor, payload),
    });
    await withTimeout(joined, 60_000, `joining consumer group ${this.group}`);
    this.logger.log(`consumer group ${this.group} joined, topics: ${topics.join(', ')}`);
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  /** Lets the message in progress finish (retry backoffs are cut short), then leaves the group. */
  async stop(): Promise<void> {
    const consumer = this.consumer;
    this.janitor?.stop();
    if (!consumer) return;
    this.consumer = undefined;
    this.abort.abort();
    await consumer.disconnect();
    this.logger.log(`consumer group ${this.group} stopped`);
  }

  private processor(handlers: Handlers, store: MongoProcessedEvents): MessageProcessor {
    return new MessageProcessor(
      handlers,
      this.producer,
      store,
      {
        group: this.group,
        maxAttempts: this.options.consumer.maxAttempts,
        retryBackoffMs: this.options.consumer.retryBackoffMs,
      },
      this.abort.signal,
    );
  }

  private async eachBatch(processor: MessageProcessor, payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = payload;
    const topic = this.names.logical(batch.topic);
    for (const message of batch.messages) {
      if (!isRunning() || isStale() || this.abort.signal.aborted) break;
      await processor.process(topic, batch.partition, message);
      resolveOffset(message.offset);
      this.lag?.set(
        { group: this.group, topic: batch.topic, partition: String(batch.partition) },
        Math.max(0, Number(batch.highWatermark) - Number(message.offset) - 1),
      );
      await heartbeat();
    }
    await commitOffsetsIfNecessary();
  }
}
