/** What a handler knows about the message besides its payload. */
export interface EventMeta {
  eventId: string;
  eventType: string;
  /** Logical topic (without the test prefix). */
  topic: string;
  partition: number;
  offset: string;
  /** Aggregate id. */
  key: string | undefined;
  occurredAt: Date | undefined;
  correlationId: string;
  /** 1 on first delivery to the handler, then 2, 3… on in-process retries. */
  attempt: number;
}
