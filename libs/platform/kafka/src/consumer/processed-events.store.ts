import type { Connection } from 'mongoose';

export const PROCESSED_EVENTS_COLLECTION = 'processed_events';

export type ProcessedOutcome = 'handled' | 'dead-lettered';

interface ProcessedEventDoc {
  group: string;
  eventId: string;
  topic: string;
  eventType: string;
  outcome: ProcessedOutcome;
  at: Date;
}

/** Dedupe store, so a redelivered event is handled once per consumer group. */
export interface ProcessedEvents {
  has(group: string, eventId: string): Promise<boolean>;
  record(entry: Omit<ProcessedEventDoc, 'at'>): Promise<void>;
}

/**
 * In the service's own database (`processed_events`, unique on group + eventId). No TTL index on FerretDB:
 * old entries are purged by age with `purgeOlderThan` (a retention job), after Kafka's own retention.
 */
export class MongoProcessedEvents implements ProcessedEvents {
  private ready?: Promise<unknown>;

  constructor(private readonly connection: Connection) {}

  private get collection() {
    return this.connection.collection<ProcessedEventDoc>(PROCESSED_EVENTS_COLLECTION);
  }

  init(): Promise<unknown> {
    this.ready ??= this.collection.createIndex(
      { group: 1, eventId: 1 },
      { unique: true, name: 'group_event_id' },
    );
    return this.ready;
  }

  async has(group: string, eventId: string): Promise<boolean> {
    await this.init();
    return (await this.collection.countDocuments({ group, eventId }, { limit: 1 })) > 0;
  }

  async record(entry: Omit<ProcessedEventDoc, 'at'>): Promise<void> {
    await this.init();
    try {
      await this.collection.insertOne({ ...entry, at: new Date() });
    } catch (error: unknown) {
      // A concurrent delivery recorded it first: same outcome, nothing to do.
      if (!(typeof error === 'object' && error !== null && 'code' in error && error.code === 11000))
        throw error;
    }
  }

  async purgeOlderThan(date: Date): Promise<number> {
    const result = await this.collection.deleteMany({ at: { $lt: date } });
    return result.deletedCount;
  }
}
