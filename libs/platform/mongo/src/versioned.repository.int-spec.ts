// Optimistic concurrency and the embedded outbox on real FerretDB (no transactions: one document, one write).
// The root depConstraints do not yet exempt test files of platform libs from the testing-lib ban (reported).
import { localInfrastructure, testNamespace } from '@demarches/testing';
import mongoose, { Schema, type Connection, type Model } from 'mongoose';
import { MongoHealthIndicator } from './mongo.health';
import type { OutboxEvent } from './outbox-event';
import { AggregateNotFoundError, ConcurrencyError, DuplicateAggregateError } from './persistence.errors';
import { addVersioning, type VersionedDocument } from './versioned-schema';
import { VersionedRepository, type DocumentFields, type StoredDocument } from './versioned.repository';

interface CaseDoc extends VersionedDocument {
  state: string;
  notes: string[];
}
interface Case {
  id: string;
  state: string;
  notes: string[];
  version: number;
}

class CaseRepository extends VersionedRepository<Case, CaseDoc> {
  protected readonly aggregateName = 'Case';
  constructor(model: Model<CaseDoc>) {
    super(model);
  }
  protected toEntity(doc: StoredDocument<CaseDoc>): Case {
    return { id: doc._id, state: doc.state, notes: doc.notes, version: doc.version };
  }
  protected toDocument(entity: Case): DocumentFields<CaseDoc> {
    return { _id: entity.id, state: entity.state, notes: entity.notes };
  }
  addNote(id: string, expectedVersion: number, note: string, events: OutboxEvent[]) {
    return this.applyUpdate(id, expectedVersion, { $push: { notes: note } }, events);
  }
}

const event = (id: string): OutboxEvent => ({
  id,
  topic: 'demarches.case.v1',
  eventType: 'CaseChanged',
  schema: 'demarches.case.v1.CaseChanged',
  key: 'c1',
  payload: Buffer.from([8, 1]),
  occurredAt: new Date('2025-01-01T00:00:00Z'),
});

describe('VersionedRepository on FerretDB', () => {
  let connection: Connection;
  let model: Model<CaseDoc>;
  let repository: CaseRepository;

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(localInfrastructure.mongoUrl, {
        dbName: `${testNamespace(__filename)}db`,
        serverSelectionTimeoutMS: 5000,
      })
      .asPromise();
    model = connection.model<CaseDoc>(
      'Case',
      addVersioning(new Schema<CaseDoc>({ _id: String, state: String, notes: [String] })),
    );
    repository = new CaseRepository(model);
  });

  afterAll(async () => {
    await connection?.dropDatabase().catch(() => undefined);
    await connection?.close();
  });

  const raw = (id: string) => model.collection.findOne({ _id: id as never }) as Promise<CaseDoc | null>;

  it('stores the state change and its events in the same write', async () => {
    await repository.insert({ id: 'c1', state: 'brouillon', notes: [], version: 0 }, [event('e1')]);
    await expect(
      repository.update('c1', 1, { state: 'en_construction' }, [event('e2'), event('e3')]),
    ).resolves.toBe(2);

    const doc = await raw('c1');
    expect(doc).toMatchObject({ state: 'en_construction', version: 2 });
    expect(doc?.outbox.map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
    expect(Buffer.from((doc?.outbox[0].payload as unknown as { buffer: Uint8Array }).buffer)).toEqual(
      Buffer.from([8, 1]),
    );
    await expect(repository.findById('c1')).resolves.toEqual({
      id: 'c1',
      state: 'en_construction',
      notes: [],
      version: 2,
    });
  });

  it('rejects a stale write and keeps neither its change nor its events', async () => {
    await repository.insert({ id: 'c2', state: 'brouillon', notes: [], version: 0 });
    await repository.update('c2', 1, { state: 'en_construction' });

    const error = await repository
      .update('c2', 1, { state: 'accepte' }, [event('stale')])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ code: 'STALE_VERSION', kind: 'conflict' });
    const doc = await raw('c2');
    expect(doc).toMatchObject({ state: 'en_construction', version: 2, outbox: [] });
  });

  it('lets exactly one of several concurrent writers win', async () => {
    await repository.insert({ id: 'c3', state: 'brouillon', notes: [], version: 0 });
    const results = await Promise.allSettled(
      [1, 2, 3, 4, 5].map((n) => repository.addNote('c3', 1, `note ${n}`, [event(`n${n}`)])),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const doc = await raw('c3');
    expect(doc?.version).toBe(2);
    expect(doc?.notes).toHaveLength(1);
    expect(doc?.outbox).toHaveLength(1);
    expect(doc?.outbox[0].id).toBe(`n${doc?.notes[0].slice(-1)}`);
  });

  it('reports a missing aggregate and a duplicate id', async () => {
    await expect(repository.update('nope', 1, { state: 'x' })).rejects.toBeInstanceOf(AggregateNotFoundError);
    await repository.insert({ id: 'c4', state: 'brouillon', notes: [], version: 0 });
    await expect(
      repository.insert({ id: 'c4', state: 'brouillon', notes: [], version: 0 }),
    ).rejects.toBeInstanceOf(DuplicateAggregateError);
  });

  it('finds documents with pending events and removes exactly the published ones', async () => {
    await repository.insert({ id: 'c5', state: 'a', notes: [], version: 0 }, [event('p1'), event('p2')]);
    await repository.insert({ id: 'c6', state: 'a', notes: [], version: 0 });
    const pending = await model.collection
      .find({ 'outbox.0': { $exists: true } }, { projection: { outbox: 1 } })
      .toArray();
    expect(pending.map((d) => d._id)).toEqual(expect.arrayContaining(['c5']));
    expect(pending.map((d) => d._id)).not.toContain('c6');

    await repository.update('c5', 1, { state: 'b' }, [event('p3')]);
    // What the outbox relay does after publishing p1 and p2: remove exactly the sub-documents it read, even though
    // p3 was appended in between. (A conditional $pull by id is silently ignored by FerretDB v1.)
    const read = pending.find((d) => String(d._id) === 'c5')?.outbox as OutboxEvent[];
    await model.collection.updateOne({ _id: 'c5' as never }, { $pullAll: { outbox: read } } as never);
    expect((await raw('c5'))?.outbox.map((e) => e.id)).toEqual(['p3']);
  });

  it('answers the readiness ping', async () => {
    await expect(new MongoHealthIndicator(connection).check()).resolves.toBeUndefined();
  });
});
