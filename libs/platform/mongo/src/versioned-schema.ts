import { Schema, type SchemaDefinition } from 'mongoose';
import { OUTBOX_FIELD, OutboxEventSchema, type OutboxEvent } from './outbox-event';

/** The fields VersionedRepository relies on: string ids, an optimistic-concurrency version, the embedded outbox. */
export interface VersionedDocument {
  _id: string;
  version: number;
  outbox: OutboxEvent[];
}

/**
 * Adds `version` and `outbox` to an aggregate schema. Required: under mongoose's strict mode a `$push` to a path
 * the schema does not declare is silently dropped, which would lose events.
 */
export function addVersioning<T>(schema: Schema<T>): Schema<T> {
  // A plain definition, not a `new Schema(...)`: adding a Schema would also add its default ObjectId `_id` and
  // silently replace the aggregate's string `_id`.
  const managed: SchemaDefinition = {
    version: { type: Number, required: true, min: 1 },
    [OUTBOX_FIELD]: { type: [OutboxEventSchema], default: [] },
  };
  (schema as Schema).add(managed);
  // Mongoose's own __v would be a second, unused version counter.
  schema.set('versionKey', false);
  return schema;
}

export function hasVersioning(schema: Schema): boolean {
  return schema.path('version') !== undefined && schema.path(OUTBOX_FIELD) !== undefined;
}
