// Publishes and records real Kafka events for a service integration test, under the test file's topic prefix.
import {
  decodeMessage,
  encodeMessage,
  EventCatalog,
  eventCodec,
  type Codec,
  type EventTypeOf,
  type PayloadOf,
  type TopicName,
} from '@demarches/contracts';
import { randomUUID } from 'node:crypto';
import { Consumer, Kafka, logLevel, Producer } from 'kafkajs';
import { localInfrastructure } from './local-infrastructure';

export interface ProbedEvent<P = Record<string, unknown>> {
  topic: TopicName;
  key: string;
  eventType: string;
  eventId: string;
  payload: P;
}

export interface ProbePublishOptions {
  /** Reuse the id of an event already published to simulate a broker redelivery; a new id by default. */
  eventId?: string;
}

export class KafkaProbe {
  readonly events: ProbedEvent[] = [];
  private readonly kafka = new Kafka({
    clientId: 'test-probe',
    brokers: [...localInfrastructure.kafkaBrokers],
    logLevel: logLevel.NOTHING,
  });
  private producer?: Producer;
  private consumer?: Consumer;

  constructor(private readonly prefix: string) {}

  /** Creates the topics (and starts recording them from the beginning). */
  async start(topics: TopicName[]): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: topics.map((topic) => ({ topic: this.prefix + topic, numPartitions: 3 })),
      waitForLeaders: true,
    });
    await admin.disconnect();
    this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await this.producer.connect();
    // A group of its own per probe: it reads every topic from the beginning and never shares offsets with a past run.
    this.consumer = this.kafka.consumer({ groupId: `${this.prefix}probe-${randomUUID()}` });
    await this.consumer.connect();
    await this.consumer.subscribe({
      topics: topics.map((topic) => this.prefix + topic),
      fromBeginning: true,
    });
    await this.consumer.run({
      eachMessage: async ({ topic, message }) => {
        const logical = topic.slice(this.prefix.length) as TopicName;
        const eventType = message.headers?.['event-type']?.toString() ?? '';
        const codec = eventCodec(logical, eventType);
        if (!codec || !message.value) return;
        this.events.push({
          topic: logical,
          key: message.key?.toString() ?? '',
          eventType,
          eventId: message.headers?.['event-id']?.toString() ?? '',
          payload: decodeMessage(codec, message.value) as Record<string, unknown>,
        });
      },
    });
  }

  /** Publishes an event the way the outbox relay does (same headers), as if another service had written it. */
  async publish<T extends TopicName, E extends EventTypeOf<T>>(
    topic: T,
    eventType: E,
    key: string,
    payload: PayloadOf<T, E>,
    { eventId = randomUUID() }: ProbePublishOptions = {},
  ): Promise<string> {
    const codec = EventCatalog[topic][eventType] as Codec<PayloadOf<T, E>>;
    if (!this.producer) throw new Error('KafkaProbe.start() must run before publish()');
    await this.producer.send({
      topic: this.prefix + topic,
      acks: -1,
      messages: [
        {
          key,
          value: Buffer.from(encodeMessage(codec, payload)),
          headers: {
            'event-type': eventType,
            'event-id': eventId,
            'occurred-at': new Date().toISOString(),
            schema: codec.schema,
          },
        },
      ],
    });
    return eventId;
  }

  of(
    eventType: string,
    predicate: (payload: Record<string, unknown>) => boolean = () => true,
  ): ProbedEvent[] {
    return this.events.filter((event) => event.eventType === eventType && predicate(event.payload));
  }

  /**
   * The recorded events of one catalogue type, payloads typed by the catalogue, one per event id: the outbox
   * relay publishes at least once, so a service's event may be on the topic twice.
   */
  distinct<T extends TopicName, E extends EventTypeOf<T>>(
    topic: T,
    eventType: E,
  ): Array<ProbedEvent<PayloadOf<T, E>>> {
    const byId = new Map<string, ProbedEvent<PayloadOf<T, E>>>();
    for (const event of this.events) {
      if (event.topic !== topic || event.eventType !== eventType || byId.has(event.eventId)) continue;
      byId.set(event.eventId, event as unknown as ProbedEvent<PayloadOf<T, E>>);
    }
    return [...byId.values()];
  }

  async stop(): Promise<void> {
    await Promise.allSettled([this.consumer?.disconnect(), this.producer?.disconnect()]);
  }
}

/** Bounded polling for eventually consistent effects (no timing assertions). */
export async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}
