import { EventEmitter } from 'node:events';
import { Schema } from 'mongoose';

/**
 * An event waiting in its aggregate document until the outbox relay (platform-kafka) publishes it.
 * FerretDB has no multi-document transactions, so the outbox lives IN the aggregate document and the state
 * change and its events are one single-document write: both or neither. The payload is already protobuf-encoded
 * (by platform-kafka's `outboxEvent()`), so the relay needs no schema knowledge.
 */
export interface OutboxEvent {
  /** Event id (uuid v7), the consumers' idempotency key. */
  id: string;
  topic: string;
  eventType: string;
  /** Fully-qualified protobuf message name. */
  schema: string;
  /** Kafka key: the aggregate id, so all events of one aggregate stay ordered on one partition. */
  key: string;
  payload: Buffer;
  occurredAt: Date;
  correlationId?: string;
  traceparent?: string;
}

/** Field name of the embedded outbox in every aggregate document. */
export const OUTBOX_FIELD = 'outbox';

export const OutboxEventSchema = new Schema<OutboxEvent>(
  {
    id: { type: String, required: true },
    topic: { type: String, required: true },
    eventType: { type: String, required: true },
    schema: { type: String, required: true },
    key: { type: String, required: true },
    payload: { type: Buffer, required: true },
    occurredAt: { type: Date, required: true },
    correlationId: { type: String },
    traceparent: { type: String },
  },
  { _id: false },
);

/**
 * Process-wide "events were just written" signal: the relay polls on an interval anyway and also wakes up on
 * this, so an event usually leaves within milliseconds. Shared by every app in the process, which is harmless:
 * a spurious wake-up only costs one empty poll.
 */
export const outboxWrites = new EventEmitter();
outboxWrites.setMaxListeners(0);

export function signalOutboxWrite(collection: string): void {
  outboxWrites.emit('written', collection);
}
