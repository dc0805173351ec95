// Typed publish/consume through the outbox, dedupe, and dead-lettering, on real Kafka and FerretDB.
import type { INestApplication } from '@nestjs/common';
import { EventCatalog, Topics, decodeMessage } from '@demarches/contracts';
import { correlationContext } from '@demarches/platform-logging';
// The root depConstraints do not yet exempt test files of platform libs from the testing-lib ban (reported).
import { localInfrastructure, testNamespace } from '@demarches/testing';
import { headerValue, Headers } from './core/headers';
import { KafkaProducer } from './core/kafka.producer';
import { outboxEvent, toKafkaMessage } from './outbox/outbox-event.factory';
import {
  StateChangedRecorder,
  TestDossierRepository,
  createKafkaTestApp,
  readTopic,
  stateChanged,
  waitFor,
} from './testing/int-harness';

const prefix = testNamespace(__filename);
const brokers = [...localInfrastructure.kafkaBrokers];

describe('platform-kafka event flow', () => {
  let app: INestApplication;
  let repository: TestDossierRepository;
  let recorder: StateChangedRecorder;

  beforeAll(async () => {
    app = await createKafkaTestApp({ mongoUrl: localInfrastructure.mongoUrl, brokers, prefix });
    repository = app.get(TestDossierRepository);
    recorder = app.get(StateChangedRecorder);
  });

  afterAll(async () => {
    await app?.close();
  });

  const receivedFor = (dossierId: string) => recorder.received.filter((r) => r.dossierId === dossierId);

  it('publishes an event written through the outbox and delivers the typed payload with its correlation id', async () => {
    const event = correlationContext.run('corr-flow-1', () =>
      outboxEvent(Topics.dossier, 'DossierStateChanged', 'flow-1', stateChanged('flow-1', 1)),
    );
    await repository.insert({ id: 'flow-1', state: 'en_instruction', version: 1 }, [event]);

    await waitFor('flow-1 delivered', () => receivedFor('flow-1').length === 1);
    expect(receivedFor('flow-1')[0]).toMatchObject({
      eventId: event.id,
      version: 1,
      correlationId: 'corr-flow-1',
    });
    await waitFor('outbox drained', async () => {
      const doc = await repository.collection.findOne({ _id: 'flow-1' as never });
      return doc?.outbox.length === 0;
    });
  });

  it('handles a duplicate delivery of the same event once', async () => {
    const event = outboxEvent(Topics.dossier, 'DossierStateChanged', 'dup-1', stateChanged('dup-1', 1));
    const producer = app.get(KafkaProducer);
    await producer.send([
      { topic: Topics.dossier, messages: [toKafkaMessage(event), toKafkaMessage(event)] },
    ]);
    await producer.send([{ topic: Topics.dossier, messages: [toKafkaMessage(event)] }]);
    const marker = outboxEvent(Topics.dossier, 'DossierStateChanged', 'dup-1', stateChanged('dup-1', 2));
    await producer.send([{ topic: Topics.dossier, messages: [toKafkaMessage(marker)] }]);

    // The marker comes after the three copies on the same partition: once it is in, every copy was seen.
    await waitFor('marker delivered', () => receivedFor('dup-1').some((r) => r.eventId === marker.id));
    expect(receivedFor('dup-1').map((r) => r.version)).toEqual([1, 2]);
  });

  it('dead-letters a poison message after bounded retries while later messages of the partition still flow', async () => {
    const poison = outboxEvent(
      Topics.dossier,
      'DossierStateChanged',
      'poison-1',
      stateChanged('poison-1', 1, 'poison'),
    );
    const next = outboxEvent(Topics.dossier, 'DossierStateChanged', 'poison-1', stateChanged('poison-1', 2));
    await repository.insert({ id: 'poison-1', state: 'en_instruction', version: 1 }, [poison, next]);

    await waitFor('message after the poison delivered', () => receivedFor('poison-1').length === 1, 60_000);
    expect(receivedFor('poison-1')[0].eventId).toBe(next.id);
    expect(recorder.attempts.get(poison.id)).toBe(3);

    const [dead] = await readTopic(brokers, `${prefix}${Topics.dossier}.dlt`, 1);
    expect(headerValue(dead.headers, Headers.eventId)).toBe(poison.id);
    expect(headerValue(dead.headers, Headers.dltReason)).toBe('retries-exhausted');
    expect(headerValue(dead.headers, Headers.dltErrorCode)).toBe('HANDLER_FAILED');
    expect(headerValue(dead.headers, Headers.dltAttempts)).toBe('3');
    expect(dead.key).toBe('poison-1');
    const payload = decodeMessage(EventCatalog[Topics.dossier].DossierStateChanged, dead.value as Buffer);
    expect(payload.motivation).toBe('poison');
  });

  it('sends undecodable bytes straight to the dead-letter topic', async () => {
    const producer = app.get(KafkaProducer);
    const good = outboxEvent(
      Topics.dossier,
      'DossierStateChanged',
      'garbage-1',
      stateChanged('garbage-1', 2),
    );
    const garbage = { ...toKafkaMessage(good), value: Buffer.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]) };
    garbage.headers = { ...garbage.headers, [Headers.eventId]: 'garbage-event' };
    await producer.send([{ topic: Topics.dossier, messages: [garbage, toKafkaMessage(good)] }]);

    await waitFor('good message after garbage delivered', () => receivedFor('garbage-1').length === 1);
    const dead = await readTopic(brokers, `${prefix}${Topics.dossier}.dlt`, 2);
    const garbageDead = dead.find((r) => headerValue(r.headers, Headers.eventId) === 'garbage-event');
    expect(garbageDead && headerValue(garbageDead.headers, Headers.dltReason)).toBe('undecodable');
  });
});
