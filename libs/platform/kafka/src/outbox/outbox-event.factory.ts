import {
  EventCatalog,
  encodeMessage,
  type Codec,
  type EventTypeOf,
  type PayloadOf,
  type TopicName,
} from '@demarches/contracts';
import { correlationContext } from '@demarches/platform-logging';
import type { OutboxEvent } from '@demarches/platform-mongo';
import type { Message } from 'kafkajs';
import { compactHeaders, Headers } from '../core/headers';
import { newTraceparent, uuidv7 } from '../core/ids';

/**
 * Builds the event to store in the aggregate's outbox, typed by the catalogue: a payload that does not match
 * the topic and event type does not compile. Encodes now, and captures the correlation id of the work in
 * progress, because the relay that publishes later runs outside the request.
 */
export function outboxEvent<T extends TopicName, E extends EventTypeOf<T>>(
  topic: T,
  eventType: E,
  aggregateId: string,
  payload: PayloadOf<T, E>,
  options: { occurredAt?: Date; id?: string } = {},
): OutboxEvent {
  const codec = EventCatalog[topic][eventType] as Codec<PayloadOf<T, E>>;
  const event: OutboxEvent = {
    id: options.id ?? uuidv7(),
    topic,
    eventType,
    schema: codec.schema,
    key: aggregateId,
    payload: Buffer.from(encodeMessage(codec, payload)),
    occurredAt: options.occurredAt ?? new Date(),
    traceparent: newTraceparent(),
  };
  const correlationId = correlationContext.current();
  if (correlationId !== undefined) event.correlationId = correlationId;
  return event;
}

/** The Kafka record of an outbox event: protobuf value, aggregate id key, the documented headers. */
export function toKafkaMessage(event: OutboxEvent): Message {
  return {
    key: event.key,
    value: Buffer.from(event.payload),
    headers: compactHeaders({
      [Headers.eventType]: event.eventType,
      [Headers.eventId]: event.id,
      [Headers.occurredAt]: new Date(event.occurredAt).toISOString(),
      [Headers.schema]: event.schema,
      [Headers.traceparent]: event.traceparent,
      [Headers.correlationId]: event.correlationId ?? event.id,
    }),
  };
}
