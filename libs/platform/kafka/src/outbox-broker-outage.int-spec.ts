// THE delivery guarantee: kill the Kafka broker in the middle of a flow, keep writing, restart it —
// every event arrives exactly once (after dedupe) and in order per aggregate.
import type { INestApplication } from '@nestjs/common';
import { Topics } from '@demarches/contracts';
// The root depConstraints do not yet exempt test files of platform libs from the testing-lib ban (reported).
import { localInfrastructure, testNamespace } from '@demarches/testing';
import { headerValue, Headers } from './core/headers';
import { outboxEvent } from './outbox/outbox-event.factory';
import {
  StateChangedRecorder,
  TestDossierRepository,
  createKafkaTestApp,
  readTopic,
  stateChanged,
  waitFor,
} from './testing/int-harness';
import { PrivateBroker } from './testing/private-broker';

const prefix = testNamespace(__filename);
const broker = new PrivateBroker(process.env);

describe('outbox relay across a broker outage', () => {
  let app: INestApplication;
  let repository: TestDossierRepository;
  let recorder: StateChangedRecorder;
  const written: { dossierId: string; version: number; eventId: string }[] = [];
  const versions = new Map<string, number>();

  beforeAll(async () => {
    broker.up();
    app = await createKafkaTestApp({
      mongoUrl: localInfrastructure.mongoUrl,
      brokers: broker.brokers,
      prefix,
      kafka: { relay: { intervalMs: 200, maxBackoffMs: 1000 } },
    });
    repository = app.get(TestDossierRepository);
    recorder = app.get(StateChangedRecorder);
  }, 600_000);

  afterAll(async () => {
    await app?.close();
    broker.down();
  }, 180_000);

  /** One state change of one aggregate, committed with its event in a single write. */
  async function change(dossierId: string): Promise<void> {
    const current = versions.get(dossierId);
    const version = (current ?? 0) + 1;
    const event = outboxEvent(
      Topics.dossier,
      'DossierStateChanged',
      dossierId,
      stateChanged(dossierId, version),
    );
    if (current === undefined) await repository.insert({ id: dossierId, state: 's1', version: 1 }, [event]);
    else await repository.update(dossierId, current, { state: `s${version}` }, [event]);
    versions.set(dossierId, version);
    written.push({ dossierId, version, eventId: event.id });
  }

  const pendingInOutbox = async () => {
    const docs = await repository.collection.find({}, { projection: { outbox: 1 } }).toArray();
    return docs.reduce((n, d) => n + d.outbox.length, 0);
  };

  it('loses no event and doubles none when the broker is killed and restarted mid-flow', async () => {
    const before = ['a1', 'a2', 'a3', 'a4', 'a5'];
    for (let round = 0; round < 3; round += 1) for (const id of before) await change(id);
    await waitFor('events before the outage', () => recorder.received.length === written.length, 60_000);

    broker.kill();

    // Writes keep succeeding while Kafka is gone; their events wait in the aggregates' outbox.
    const during = ['b1', 'b2', 'b3', 'b4', 'b5'];
    for (let round = 0; round < 3; round += 1) for (const id of [...before, ...during]) await change(id);
    const writtenDuringOutage = 30;
    await new Promise((r) => setTimeout(r, 2000));
    expect(await pendingInOutbox()).toBe(writtenDuringOutage);

    broker.up();

    await waitFor('every event after the restart', () => recorder.received.length >= written.length, 240_000);
    await waitFor('outbox drained', async () => (await pendingInOutbox()) === 0, 30_000);
    // Give a late duplicate the chance to show up before asserting there is none.
    await new Promise((r) => setTimeout(r, 2000));

    const receivedIds = recorder.received.map((r) => r.eventId);
    expect(new Set(receivedIds).size).toBe(receivedIds.length);
    expect([...receivedIds].sort()).toEqual(written.map((w) => w.eventId).sort());
    for (const id of [...before, ...during]) {
      const seen = recorder.received.filter((r) => r.dossierId === id).map((r) => r.version);
      expect({ id, seen }).toEqual({
        id,
        seen: Array.from({ length: versions.get(id) ?? 0 }, (_, i) => i + 1),
      });
    }

    // On the wire: at least once (a relay retry may have republished), every written event is there.
    const records = await readTopic(broker.brokers, `${prefix}${Topics.dossier}`, written.length, 60_000);
    const onWire = new Set(records.map((r) => headerValue(r.headers, Headers.eventId)));
    for (const w of written) expect(onWire.has(w.eventId)).toBe(true);
  }, 600_000);
});
