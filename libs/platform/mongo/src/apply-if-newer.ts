import type { FilterQuery, Model, UpdateQuery } from 'mongoose';
import { isDuplicateKeyError } from './persistence.errors';

/**
 * Projection write guarded by the source aggregate's version: applied (or, with `upsert`, inserted) only when the
 * stored version is older, so a replayed or late event never overwrites newer state. Returns whether it applied.
 * When a newer document exists, the upsert's insert collides on _id: that is the "older event" case, not an error.
 */
export async function applyIfNewer<D extends { _id: string; version: number }>(
  model: Model<D>,
  id: string,
  version: number,
  set: Partial<Omit<D, '_id' | 'version'>>,
  { upsert }: { upsert: boolean },
): Promise<boolean> {
  try {
    const result = await model
      .updateOne(
        { _id: id, version: { $lt: version } } as FilterQuery<D>,
        { $set: { ...set, version } } as UpdateQuery<D>,
        { upsert },
      )
      .exec();
    return result.matchedCount + result.upsertedCount > 0;
  } catch (error: unknown) {
    if (upsert && isDuplicateKeyError(error)) return false;
    throw error;
  }
}
