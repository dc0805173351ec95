import { Schema, model as createModel, type Model } from 'mongoose';
import { outboxWrites, type OutboxEvent } from './outbox-event';
import { AggregateNotFoundError, ConcurrencyError, PersistenceErrorCode } from './persistence.errors';
import { addVersioning, type VersionedDocument } from './versioned-schema';
import { VersionedRepository, type DocumentFields, type StoredDocument } from './versioned.repository';

interface ThingDoc extends VersionedDocument {
  name: string;
}
interface Thing {
  id: string;
  name: string;
  version: number;
}

class ThingRepository extends VersionedRepository<Thing, ThingDoc> {
  protected readonly aggregateName = 'Thing';
  constructor(m: Model<ThingDoc>) {
    super(m);
  }
  protected toEntity(doc: StoredDocument<ThingDoc>): Thing {
    return { id: doc._id, name: doc.name, version: doc.version };
  }
  protected toDocument(entity: Thing): DocumentFields<ThingDoc> {
    return { _id: entity.id, name: entity.name };
  }
}

const schema = addVersioning(new Schema<ThingDoc>({ _id: String, name: String }));
const ThingModel = createModel<ThingDoc>('VersionedRepositorySpecThing', schema);

const event: OutboxEvent = {
  id: 'e1',
  topic: 'demarches.thing.v1',
  eventType: 'ThingRenamed',
  schema: 'demarches.thing.v1.ThingRenamed',
  key: 't1',
  payload: Buffer.from([1, 2]),
  occurredAt: new Date(),
};

/** Stubs the one mongoose call chain under test; no database involved. */
function stubUpdate(matchedCount: number, exists: boolean) {
  const updateOne = jest
    .spyOn(ThingModel, 'updateOne')
    .mockReturnValue({ exec: async () => ({ matchedCount }) } as unknown as ReturnType<
      typeof ThingModel.updateOne
    >);
  jest
    .spyOn(ThingModel, 'exists')
    .mockReturnValue({ exec: async () => (exists ? { _id: 't1' } : null) } as unknown as ReturnType<
      typeof ThingModel.exists
    >);
  return updateOne;
}

describe(VersionedRepository.name, () => {
  const repository = new ThingRepository(ThingModel);
  afterEach(() => jest.restoreAllMocks());

  it('refuses a model whose schema lacks version and outbox', () => {
    const bare = createModel<ThingDoc>('VersionedRepositorySpecBare', new Schema<ThingDoc>({ _id: String }));
    expect(() => new ThingRepository(bare)).toThrow(/addVersioning/);
  });

  it('replaces every mapped field but the id when a whole aggregate is saved', async () => {
    const updateOne = stubUpdate(1, true);
    await expect(repository.replace({ id: 't1', name: 'c', version: 3 }, 3, [event])).resolves.toBe(4);
    expect(updateOne).toHaveBeenCalledWith(
      { _id: 't1', version: 3 },
      { $inc: { version: 1 }, $set: { name: 'c' }, $push: { outbox: { $each: [event] } } },
    );
  });

  it('writes the change, the version bump and the events in one conditional updateOne', async () => {
    const updateOne = stubUpdate(1, true);
    const written = jest.fn();
    outboxWrites.on('written', written);

    await expect(repository.update('t1', 3, { name: 'b' }, [event])).resolves.toBe(4);

    expect(updateOne).toHaveBeenCalledTimes(1);
    expect(updateOne).toHaveBeenCalledWith(
      { _id: 't1', version: 3 },
      { $inc: { version: 1 }, $set: { name: 'b' }, $push: { outbox: { $each: [event] } } },
    );
    expect(written).toHaveBeenCalledWith(ThingModel.collection.name);
    outboxWrites.off('written', written);
  });

  it('never lets a caller overwrite the version or the outbox through $set', async () => {
    const updateOne = stubUpdate(1, true);
    await repository.update('t1', 3, { name: 'b', version: 99, outbox: [] } as Partial<
      DocumentFields<ThingDoc>
    >);
    expect((updateOne.mock.calls[0] as unknown[])[1]).toEqual({ $inc: { version: 1 }, $set: { name: 'b' } });
  });

  it('reports a stale version as a conflict', async () => {
    stubUpdate(0, true);
    const error = await repository.update('t1', 3, { name: 'b' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ code: PersistenceErrorCode.STALE_VERSION, kind: 'conflict' });
  });

  it('reports a missing aggregate as not found', async () => {
    stubUpdate(0, false);
    const error = await repository.update('t1', 3, { name: 'b' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AggregateNotFoundError);
    expect(error).toMatchObject({ code: PersistenceErrorCode.NOT_FOUND, kind: 'not_found' });
  });
});
