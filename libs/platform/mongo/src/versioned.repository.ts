import type { FilterQuery, Model, UpdateQuery } from 'mongoose';
import { withDocumentLock } from './document-lock';
import { signalOutboxWrite, type OutboxEvent } from './outbox-event';
import {
  AggregateNotFoundError,
  ConcurrencyError,
  DuplicateAggregateError,
  isDuplicateKeyError,
} from './persistence.errors';
import { hasVersioning, type VersionedDocument } from './versioned-schema';

/** What a repository maps to and from: the document without the fields this base class manages. */
export type DocumentFields<TDoc extends VersionedDocument> = Omit<TDoc, 'version' | 'outbox'>;
export type StoredDocument<TDoc extends VersionedDocument> = Omit<TDoc, 'outbox'>;

/** The update operators a subclass may add to a versioned write ($inc version and $push outbox are ours). */
export interface VersionedUpdate<TDoc extends VersionedDocument> {
  $set?: Partial<DocumentFields<TDoc>> & Record<string, unknown>;
  $unset?: Record<string, 1 | ''>;
  $push?: Record<string, unknown>;
}

/**
 * Aggregate persistence with optimistic concurrency and the embedded transactional outbox.
 * Every write is ONE single-document operation that checks the expected version, bumps it, and appends the
 * events to the document's `outbox`: atomic on MongoDB and FerretDB alike, without transactions.
 * Deleting an aggregate that still has events to publish would lose them: mark it deleted instead and purge later.
 * Writes are also serialised per document inside the process (withDocumentLock): FerretDB v1 does not apply a
 * conditional update atomically.
 */
export abstract class VersionedRepository<TEntity, TDoc extends VersionedDocument> {
  /** Used in error messages and details, e.g. `Dossier`. */
  protected abstract readonly aggregateName: string;

  protected constructor(protected readonly model: Model<TDoc>) {
    if (!hasVersioning(model.schema)) {
      throw new Error(`schema of ${model.modelName} lacks version/outbox: wrap it with addVersioning()`);
    }
  }

  protected abstract toEntity(doc: StoredDocument<TDoc>): TEntity;
  protected abstract toDocument(entity: TEntity): DocumentFields<TDoc>;

  async findById(id: string): Promise<TEntity | undefined> {
    const doc = await this.model
      .findOne({ _id: id } as FilterQuery<TDoc>, { outbox: 0 })
      .lean<StoredDocument<TDoc>>()
      .exec();
    return doc ? this.toEntity(doc) : undefined;
  }

  /** Stores a new aggregate at version 1 with its first events. Returns the version (1). */
  async insert(entity: TEntity, events: OutboxEvent[] = []): Promise<number> {
    const fields = this.toDocument(entity);
    try {
      await this.model.create({ ...fields, version: 1, outbox: events });
    } catch (error: unknown) {
      if (isDuplicateKeyError(error))
        throw new DuplicateAggregateError(this.aggregateName, String(fields._id));
      throw error;
    }
    if (events.length > 0) signalOutboxWrite(this.model.collection.name);
    return 1;
  }

  /**
   * Applies `changes` ($set) if the stored version is still `expectedVersion`, appending `events` in the same
   * write. Returns the new version. Throws ConcurrencyError (STALE_VERSION) or AggregateNotFoundError.
   */
  async update(
    id: string,
    expectedVersion: number,
    changes: Partial<DocumentFields<TDoc>>,
    events: OutboxEvent[] = [],
  ): Promise<number> {
    return this.applyUpdate(id, expectedVersion, { $set: changes }, events);
  }

  /**
   * Writes the whole aggregate back (every mapped field but `_id`) if it is still at `expectedVersion`: the usual
   * save of a domain object that was loaded, changed by pure functions, and is stored again with its events.
   */
  async replace(entity: TEntity, expectedVersion: number, events: OutboxEvent[] = []): Promise<number> {
    // `_id` rides along in the fields and is dropped with the other managed fields before the $set.
    const fields = this.toDocument(entity);
    return this.update(String(fields._id), expectedVersion, fields, events);
  }

  /** Like update(), for writes that need other operators ($unset, $push to an array of the aggregate). */
  protected async applyUpdate(
    id: string,
    expectedVersion: number,
    update: VersionedUpdate<TDoc>,
    events: OutboxEvent[] = [],
  ): Promise<number> {
    const push = events.length > 0 ? { ...update.$push, outbox: { $each: events } } : update.$push;
    const operators: Record<string, unknown> = { $inc: { version: 1 } };
    if (update.$set && Object.keys(update.$set).length > 0)
      operators.$set = withoutManagedFields(update.$set);
    if (update.$unset && Object.keys(update.$unset).length > 0) operators.$unset = update.$unset;
    if (push && Object.keys(push).length > 0) operators.$push = push;

    const matched = await withDocumentLock(this.model.db.name, this.model.collection.name, id, async () => {
      const result = await this.model
        .updateOne({ _id: id, version: expectedVersion } as FilterQuery<TDoc>, operators as UpdateQuery<TDoc>)
        .exec();
      return result.matchedCount;
    });
    if (matched === 0) {
      const exists = await this.model.exists({ _id: id } as FilterQuery<TDoc>).exec();
      if (!exists) throw new AggregateNotFoundError(this.aggregateName, id);
      throw new ConcurrencyError(this.aggregateName, id, expectedVersion);
    }
    if (events.length > 0) signalOutboxWrite(this.model.collection.name);
    return expectedVersion + 1;
  }
}

/** A caller must not move the version or the outbox by hand: that would defeat the concurrency check. */
function withoutManagedFields(set: Record<string, unknown>): Record<string, unknown> {
  const { _id: _ignoredId, version: _ignoredVersion, outbox: _ignoredOutbox, ...rest } = set;
  return rest;
}
