import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  Optional,
} from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { MetricsRegistry } from '@demarches/platform-metrics';
import { OUTBOX_FIELD, outboxWrites, withDocumentLock, type OutboxEvent } from '@demarches/platform-mongo';
import type { Kafka, Message } from 'kafkajs';
import { mongo, type Connection } from 'mongoose';
import { backoffDelay, sleep } from '../core/backoff';
import { KafkaProducer } from '../core/kafka.producer';
import { ensureTopics } from '../core/topic-admin';
import { withTimeout } from '../core/with-timeout';
import { TopicNames } from '../core/topic-names';
import { KAFKA_CLIENT, KAFKA_OPTIONS, type ResolvedKafkaOptions } from '../kafka.options';
import { toKafkaMessage } from './outbox-event.factory';
import { OUTBOX_REGISTRY, type OutboxRegistration } from './outbox.registry';

interface PendingDocument {
  _id: unknown;
  outbox: OutboxEvent[];
}

/**
 * Publishes the events waiting in aggregate documents, then removes exactly those from each document.
 * At-least-once: a crash between publish and removal republishes (consumers dedupe by event-id); nothing is
 * ever removed before Kafka acknowledged it with acks=all, so a broker outage only delays events.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly names: TopicNames;
  private abort = new AbortController();
  private wake?: () => void;
  private loop?: Promise<void>;
  private topicsReady = false;
  private readonly onWrite = (collection: string) => {
    if (this.registry.some((r) => r.collection === collection)) this.poke();
  };

  constructor(
    @Inject(OUTBOX_REGISTRY) private readonly registry: OutboxRegistration[],
    @Inject(KAFKA_OPTIONS) private readonly options: ResolvedKafkaOptions,
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    private readonly producer: KafkaProducer,
    @Optional() @InjectConnection() private readonly connection?: Connection,
    @Optional() private readonly metrics?: MetricsRegistry,
  ) {
    this.names = new TopicNames(options.topicPrefix);
  }

  onApplicationBootstrap(): void {
    this.start();
  }

  /** Starts the background loop (idempotent). Nothing to do when no collection is registered. */
  start(): void {
    if (this.loop || this.registry.length === 0) return;
    if (!this.connection)
      throw new Error('OutboxModule.forFeature needs MongoModule (no mongoose connection)');
    this.abort = new AbortController();
    outboxWrites.on('written', this.onWrite);
    this.loop = this.run();
  }

  /** Wakes the loop now instead of at the next interval (VersionedRepository writes do it automatically). */
  poke(): void {
    this.wake?.();
  }

  /** Stops the loop after one last bounded attempt to publish what is pending. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  async stop(): Promise<void> {
    if (!this.loop) return;
    outboxWrites.off('written', this.onWrite);
    this.abort.abort();
    this.wake?.();
    await this.loop;
    this.loop = undefined;
    await withTimeout(this.publishPending(), 2000, 'final outbox flush').catch((error: unknown) => {
      this.logger.warn(
        `events left in the outbox at shutdown, the next instance publishes them: ${String(error)}`,
      );
    });
  }

  /** One pass over every registered collection; returns how many events were published. */
  async publishPending(): Promise<number> {
    if (!this.topicsReady && this.options.ensureTopics) {
      const topics = this.registry.flatMap((r) => r.topics.map((t) => this.names.physical(t)));
      await ensureTopics(this.kafka, topics, {
        partitions: this.options.topicPartitions,
        replicationFactor: this.options.topicReplicationFactor,
      });
    }
    this.topicsReady = true;
    let published = 0;
    for (const { collection } of this.registry) published += await this.publishCollection(collection);
    return published;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.abort.signal.aborted) {
      try {
        const published = await this.publishPending();
        if (failures > 0) this.logger.log(`outbox relay recovered after ${failures} failed attempts`);
        failures = 0;
        // A full batch means more may be waiting: go again without sleeping.
        if (published < this.options.relay.batchSize) await this.waitForWork();
      } catch (error: unknown) {
        failures += 1;
        this.metrics?.counter('outbox_publish_failures_total', 'Failed outbox relay passes').inc();
        if (failures === 1 || failures % 20 === 0) {
          this.logger.warn(`outbox relay cannot publish (attempt ${failures}), will retry: ${String(error)}`);
        }
        const delay = backoffDelay(failures, this.options.relay.intervalMs, this.options.relay.maxBackoffMs);
        await sleep(delay, this.abort.signal);
      }
    }
  }

  private waitForWork(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.options.relay.intervalMs);
      this.wake = done;
    });
  }

  private async publishCollection(name: string): Promise<number> {
    const collection = (this.connection as Connection).collection<PendingDocument>(name);
    const docs = await collection
      .find({ [`${OUTBOX_FIELD}.0`]: { $exists: true } }, { projection: { [OUTBOX_FIELD]: 1 } })
      .limit(this.options.relay.batchSize)
      .toArray();
    if (docs.length === 0) return 0;

    // Array order inside a document is the aggregate's event order; one key per document keeps it per partition.
    const byTopic = new Map<string, Message[]>();
    let count = 0;
    for (const doc of docs) {
      for (const stored of doc.outbox) {
        const messages = byTopic.get(stored.topic) ?? [];
        messages.push(toKafkaMessage({ ...stored, payload: asBuffer(stored.payload) }));
        byTopic.set(stored.topic, messages);
        count += 1;
      }
    }
    await this.producer.send([...byTopic].map(([topic, messages]) => ({ topic, messages })));

    // $pullAll of the exact sub-documents read above: FerretDB v1 ignores a conditional $pull
    // ({ id: { $in: [...] } }) without an error, while exact-value removal works on both databases. Under the
    // document lock, so a concurrent VersionedRepository append in this process is not lost (FerretDB v1 updates
    // are read-modify-write).
    const database = (this.connection as Connection).name;
    for (const doc of docs) {
      await withDocumentLock(database, name, String(doc._id), () =>
        collection.updateOne({ _id: doc._id }, { $pullAll: { [OUTBOX_FIELD]: doc.outbox } }),
      );
    }
    const counter = this.metrics?.counter(
      'outbox_events_published_total',
      'Events published by the outbox relay',
      ['topic'],
    );
    for (const [topic, messages] of byTopic) counter?.inc({ topic }, messages.length);
    return count;
  }
}

/** The native driver returns BSON Binary for stored buffers. */
function asBuffer(payload: unknown): Buffer {
  if (payload instanceof mongo.Binary) return Buffer.from(payload.buffer);
  if (payload instanceof Uint8Array) return Buffer.from(payload);
  throw new Error('outbox event payload is not binary');
}
