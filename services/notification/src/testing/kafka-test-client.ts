// Test-only helpers: publish catalogue events to the real broker exactly as a producing service would
// (protobuf value, documented headers), and read what a service published.
import {
  encodeMessage,
  EventCatalog,
  eventCodec,
  type Codec,
  type EventTypeOf,
  type PayloadOf,
  type TopicName,
} from '@demarches/contracts';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';

export interface PublishedEvent {
  eventType: string;
  eventId: string;
  key: string;
  payload: unknown;
}

export class KafkaTestClient {
  private readonly kafka: Kafka;
  private readonly producer;

  constructor(
    brokers: string[],
    private readonly prefix: string,
  ) {
    this.kafka = new Kafka({ clientId: `${prefix}test`, brokers, logLevel: logLevel.NOTHING });
    this.producer = this.kafka.producer({ allowAutoTopicCreation: true });
  }

  async connect(): Promise<void> {
    await this.producer.connect();
  }

  async publish<T extends TopicName, E extends EventTypeOf<T>>(
    topic: T,
    eventType: E,
    key: string,
    payload: PayloadOf<T, E>,
    eventId: string = randomUUID(),
  ): Promise<string> {
    const codec = EventCatalog[topic][eventType] as Codec<PayloadOf<T, E>>;
    await this.producer.send({
      topic: `${this.prefix}${topic}`,
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
            'x-correlation-id': eventId,
          },
        },
      ],
    });
    return eventId;
  }

  /** Reads `topic` from the beginning until `until` holds or the time runs out; returns what it saw. */
  async read(
    topic: TopicName,
    until: (events: PublishedEvent[]) => boolean,
    timeoutMs = 30_000,
  ): Promise<PublishedEvent[]> {
    const consumer = this.kafka.consumer({ groupId: `${this.prefix}reader-${randomUUID()}` });
    const seen: PublishedEvent[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [`${this.prefix}${topic}`], fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(new Error(`timed out reading ${topic}: ${JSON.stringify(seen.map((e) => e.eventType))}`)),
          timeoutMs,
        );
        void consumer.run({
          eachMessage: async ({ message }) => {
            const eventType = message.headers?.['event-type']?.toString() ?? '';
            const codec = eventCodec(topic, eventType);
            seen.push({
              eventType,
              eventId: message.headers?.['event-id']?.toString() ?? '',
              key: message.key?.toString() ?? '',
              payload: codec && message.value ? codec.fns.decode(message.value) : undefined,
            });
            if (until(seen)) {
              clearTimeout(timer);
              resolve();
            }
          },
        });
      });
    } finally {
      await consumer.disconnect();
    }
    return seen;
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect();
  }
}
