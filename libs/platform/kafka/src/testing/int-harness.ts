// Shared by the integration tests of this lib (real Kafka + FerretDB). Not exported from the lib's index.
import { Injectable, Module, type INestApplication, type Provider } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { InjectModel, MongooseModule } from '@nestjs/mongoose';
import { DossierState, Topics, type DossierStateChanged } from '@demarches/contracts';
import { correlationContext } from '@demarches/platform-logging';
import {
  MongoModule,
  VersionedRepository,
  addVersioning,
  type DocumentFields,
  type StoredDocument,
  type VersionedDocument,
} from '@demarches/platform-mongo';
import { Kafka, logLevel, type IHeaders } from 'kafkajs';
import { Schema, type Model } from 'mongoose';
import type { EventMeta } from '../consumer/event-meta';
import { OnEvent } from '../consumer/handler.decorators';
import { KafkaModule } from '../kafka.module';
import type { KafkaModuleOptions } from '../kafka.options';
import { connectKafka } from '../kafka.transport';
import { OutboxModule } from '../outbox/outbox.module';

export interface TestDossierDoc extends VersionedDocument {
  state: string;
}

export interface TestDossier {
  id: string;
  state: string;
  version: number;
}

export const TEST_DOSSIERS = 'test_dossiers';
export const TestDossierSchema = addVersioning(
  new Schema<TestDossierDoc>({ _id: String, state: String }, { collection: TEST_DOSSIERS }),
);

@Injectable()
export class TestDossierRepository extends VersionedRepository<TestDossier, TestDossierDoc> {
  protected readonly aggregateName = 'TestDossier';

  constructor(@InjectModel('TestDossier') model: Model<TestDossierDoc>) {
    super(model);
  }

  get collection() {
    return this.model.collection;
  }

  protected toEntity(doc: StoredDocument<TestDossierDoc>): TestDossier {
    return { id: doc._id, state: doc.state, version: doc.version };
  }

  protected toDocument(entity: TestDossier): DocumentFields<TestDossierDoc> {
    return { _id: entity.id, state: entity.state };
  }
}

export interface Received {
  dossierId: string;
  version: number;
  eventId: string;
  correlationId: string | undefined;
  attempt: number;
}

/** Records what the consumer handled. `motivation: 'poison'` makes the handler fail every time. */
@Injectable()
export class StateChangedRecorder {
  readonly received: Received[] = [];
  readonly attempts = new Map<string, number>();

  @OnEvent(Topics.dossier, 'DossierStateChanged')
  async onStateChanged(payload: DossierStateChanged, meta: EventMeta): Promise<void> {
    this.attempts.set(meta.eventId, (this.attempts.get(meta.eventId) ?? 0) + 1);
    if (payload.motivation === 'poison') throw new Error('poison pill');
    this.received.push({
      dossierId: payload.dossierId,
      version: payload.version,
      eventId: meta.eventId,
      correlationId: correlationContext.current(),
      attempt: meta.attempt,
    });
  }
}

export interface TestAppOptions {
  mongoUrl: string;
  brokers: string[];
  prefix: string;
  groupId?: string;
  providers?: Provider[];
  kafka?: Partial<KafkaModuleOptions>;
  /** Connect the consumers (default true). */
  consume?: boolean;
}

export async function createKafkaTestApp(options: TestAppOptions): Promise<INestApplication> {
  @Module({
    imports: [
      MongoModule.forRoot({ url: options.mongoUrl, database: `${options.prefix}db` }),
      KafkaModule.forRoot({
        clientId: 'kafka-int-test',
        brokers: options.brokers,
        groupId: options.groupId ?? 'kafka-int-test',
        topicPrefix: options.prefix,
        consumer: { maxAttempts: 3, retryBackoffMs: 50 },
        ...options.kafka,
      }),
      MongooseModule.forFeature([{ name: 'TestDossier', schema: TestDossierSchema }]),
      OutboxModule.forFeature({ collection: TEST_DOSSIERS, topic: Topics.dossier }),
    ],
    providers: [TestDossierRepository, StateChangedRecorder, ...(options.providers ?? [])],
  })
  class KafkaTestModule {}

  const app = await NestFactory.create(KafkaTestModule, { logger: ['error', 'warn'], abortOnError: false });
  await app.init();
  if (options.consume !== false) await connectKafka(app);
  return app;
}

export function stateChanged(dossierId: string, version: number, motivation?: string): DossierStateChanged {
  return {
    dossierId,
    number: version,
    demarcheId: 'd1',
    demarcheNumber: 1,
    groupeInstructeurId: 'g1',
    usagerEmail: 'usager@example.org',
    from: DossierState.EN_CONSTRUCTION,
    to: DossierState.EN_INSTRUCTION,
    motivation,
    instructeurEmail: undefined,
    at: new Date(),
    version,
  };
}

export async function waitFor(what: string, predicate: () => boolean | Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await predicate()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

export interface RawRecord {
  key: string | undefined;
  value: Buffer | null;
  headers: IHeaders;
  partition: number;
}

/** Reads `count` records of a physical topic from the beginning with a throw-away group. */
export async function readTopic(brokers: string[], topic: string, count: number, timeoutMs = 30_000) {
  const kafka = new Kafka({ clientId: 'int-reader', brokers, logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `${topic}.reader.${Date.now()}` });
  const records: RawRecord[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message, partition }) => {
        records.push({
          key: message.key?.toString(),
          value: message.value,
          headers: message.headers ?? {},
          partition,
        });
      },
    });
    await waitFor(`${count} records on ${topic}`, () => records.length >= count, timeoutMs);
    return records;
  } finally {
    await consumer.disconnect();
  }
}
