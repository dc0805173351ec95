// Records what really travels on the platform's Kafka topics during a test, decoded with the generated contracts.
import { EventCatalog, decodeMessage, eventCodec, type TopicName } from '@demarches/contracts';
import { Consumer, Kafka, logLevel } from 'kafkajs';

export interface RecordedEvent {
  topic: string;
  key: string;
  eventType: string;
  eventId: string;
  payload: Record<string, unknown>;
}

export class EventRecorder {
  readonly events: RecordedEvent[] = [];
  private consumer?: Consumer;

  async start(topics: TopicName[]): Promise<void> {
    const kafka = new Kafka({
      clientId: 'e2e-recorder',
      brokers: (process.env.E2E_KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
      logLevel: logLevel.NOTHING,
    });
    const admin = kafka.admin();
    await admin.connect();
    // The topics may not exist yet on a fresh broker: create them so the recorder sees the very first event.
    await admin.createTopics({
      topics: topics.map((topic) => ({ topic, numPartitions: 3 })),
      waitForLeaders: true,
    });
    await admin.disconnect();
    this.consumer = kafka.consumer({ groupId: `e2e-recorder-${Date.now()}` });
    await this.consumer.connect();
    // From the beginning: no race with the offset reset; tests filter on the ids they created.
    await this.consumer.subscribe({ topics, fromBeginning: true });
    let assigned!: () => void;
    const joined = new Promise<void>((resolve) => (assigned = resolve));
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => assigned());
    await this.consumer.run({
      eachMessage: async ({ topic, message }) => {
        const header = (name: string) => message.headers?.[name]?.toString() ?? '';
        const eventType = header('event-type');
        const codec = eventCodec(topic, eventType);
        if (!codec || !message.value) return;
        this.events.push({
          topic,
          key: message.key?.toString() ?? '',
          eventType,
          eventId: header('event-id'),
          payload: decodeMessage(codec, message.value) as Record<string, unknown>,
        });
      },
    });
    await joined;
  }

  find(eventType: string, predicate: (payload: Record<string, unknown>) => boolean): RecordedEvent[] {
    return this.events.filter((event) => event.eventType === eventType && predicate(event.payload));
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

export const allEventTopics = Object.keys(EventCatalog) as TopicName[];
