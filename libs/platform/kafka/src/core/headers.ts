import type { IHeaders } from 'kafkajs';

/** Header names of every message the platform produces (docs/events.md). */
export const Headers = {
  eventType: 'event-type',
  eventId: 'event-id',
  occurredAt: 'occurred-at',
  schema: 'schema',
  traceparent: 'traceparent',
  correlationId: 'x-correlation-id',
  // request-reply
  requestId: 'request-id',
  replyTo: 'reply-to',
  deadline: 'deadline',
  // dead-letter topic
  dltReason: 'dlt-reason',
  dltErrorCode: 'dlt-error-code',
  dltErrorMessage: 'dlt-error-message',
  dltOriginalTopic: 'dlt-original-topic',
  dltOriginalPartition: 'dlt-original-partition',
  dltOriginalOffset: 'dlt-original-offset',
  dltConsumerGroup: 'dlt-consumer-group',
  dltAttempts: 'dlt-attempts',
} as const;

/** Why a message went to `<topic>.dlt` (header dlt-reason). */
export type DeadLetterReason = 'undecodable' | 'rejected' | 'retries-exhausted';

/** kafkajs gives header values as Buffer, string, or arrays of them; we only ever write one string. */
export function headerValue(headers: IHeaders | undefined, name: string): string | undefined {
  const raw = headers?.[name];
  const first = Array.isArray(raw) ? raw[0] : raw;
  if (first === undefined) return undefined;
  return typeof first === 'string' ? first : first.toString('utf8');
}

export function compactHeaders(headers: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k] = v;
  return out;
}
