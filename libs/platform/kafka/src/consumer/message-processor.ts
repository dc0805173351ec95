import { Logger } from '@nestjs/common';
import { commandCodecs, deadLetterTopic, eventCodec, type Codec } from '@demarches/contracts';
import { DomainError, isRetryableKind } from '@demarches/platform-errors';
import { correlationContext } from '@demarches/platform-logging';
import type { KafkaMessage, Message } from 'kafkajs';
import { backoffDelay, sleep } from '../core/backoff';
import { compactHeaders, headerValue, Headers, type DeadLetterReason } from '../core/headers';
import { errorReply } from '../command/command-error';
import type { EventMeta } from './event-meta';
import type { Handlers } from './handler.registry';
import type { ProcessedEvents } from './processed-events.store';

export interface MessageSink {
  send(batches: { topic: string; messages: Message[] }[]): Promise<void>;
  sendPhysical(batches: { topic: string; messages: Message[] }[]): Promise<void>;
}

export interface ProcessorSettings {
  /** Physical consumer group, the dedupe namespace. */
  group: string;
  maxAttempts: number;
  retryBackoffMs: number;
}

/** Thrown when shutdown interrupts a retry: the offset is not committed, so the message is redelivered later. */
export class DrainInterrupted extends Error {}

/**
 * Everything that happens to one consumed message: decode, dedupe, run the handler with bounded retries,
 * dead-letter, or answer a command. It throws only when the message must be redelivered (the dead-letter topic or
 * the dedupe store is unreachable, or shutdown): the consumer then does not commit its offset. Never drops.
 */
export class MessageProcessor {
  private readonly logger = new Logger('KafkaConsumer');

  constructor(
    private readonly handlers: Handlers,
    private readonly sink: MessageSink,
    private readonly processed: ProcessedEvents,
    private readonly settings: ProcessorSettings,
    private readonly signal: AbortSignal,
  ) {}

  async process(topic: string, partition: number, message: KafkaMessage): Promise<void> {
    if (this.handlers.commands.has(topic)) return this.processCommand(topic, message);
    return this.processEvent(topic, partition, message);
  }

  private async processEvent(topic: string, partition: number, message: KafkaMessage): Promise<void> {
    const eventType = headerValue(message.headers, Headers.eventType);
    const eventId = headerValue(message.headers, Headers.eventId);
    const handler = eventType === undefined ? undefined : this.handlers.events.get(topic)?.get(eventType);
    // Event types this service does not handle are not errors: the topic carries the whole aggregate's life.
    if (eventType !== undefined && !handler) return;

    const codec = eventType === undefined ? undefined : eventCodec(topic, eventType);
    if (eventType === undefined || !handler || !codec || !eventId || !message.value) {
      return this.deadLetter(
        topic,
        partition,
        message,
        'undecodable',
        'MISSING_HEADERS',
        'event-type, event-id or value missing',
        0,
      );
    }
    let payload: unknown;
    try {
      payload = codec.fns.decode(message.value);
    } catch (error: unknown) {
      return this.deadLetter(
        topic,
        partition,
        message,
        'undecodable',
        'DECODE_FAILED',
        errorMessage(error),
        0,
      );
    }

    if (await this.processed.has(this.settings.group, eventId)) {
      this.logger.debug(`duplicate ${eventType} ${eventId} skipped`);
      return;
    }

    const correlationId = headerValue(message.headers, Headers.correlationId) ?? eventId;
    const occurredAt = headerValue(message.headers, Headers.occurredAt);
    for (let attempt = 1; ; attempt += 1) {
      const meta: EventMeta = {
        eventId,
        eventType,
        topic,
        partition,
        offset: message.offset,
        key: message.key?.toString('utf8'),
        occurredAt: occurredAt ? new Date(occurredAt) : undefined,
        correlationId,
        attempt,
      };
      try {
        await correlationContext.run(correlationId, async () => handler(payload, meta));
        await this.processed.record({
          group: this.settings.group,
          eventId,
          topic,
          eventType,
          outcome: 'handled',
        });
        return;
      } catch (error: unknown) {
        const code = error instanceof DomainError ? error.code : 'HANDLER_FAILED';
        // A DomainError that retrying cannot fix (invalid, not_found, conflict, forbidden…) goes straight to the DLT.
        if (error instanceof DomainError && !isRetryableKind(error.kind)) {
          return this.deadLetterEvent(
            topic,
            partition,
            message,
            eventId,
            eventType,
            'rejected',
            code,
            error,
            attempt,
          );
        }
        if (attempt >= this.settings.maxAttempts) {
          return this.deadLetterEvent(
            topic,
            partition,
            message,
            eventId,
            eventType,
            'retries-exhausted',
            code,
            error,
            attempt,
          );
        }
        this.logger.warn(
          { eventId, eventType, attempt, code },
          `handler failed, retrying: ${errorMessage(error)}`,
        );
        await sleep(backoffDelay(attempt, this.settings.retryBackoffMs, 30_000), this.signal);
        if (this.signal.aborted) throw new DrainInterrupted('shutdown during retry backoff');
      }
    }
  }

  private async deadLetterEvent(
    topic: string,
    partition: number,
    message: KafkaMessage,
    eventId: string,
    eventType: string,
    reason: DeadLetterReason,
    code: string,
    error: unknown,
    attempts: number,
  ): Promise<void> {
    await this.deadLetter(topic, partition, message, reason, code, errorMessage(error), attempts);
    await this.processed.record({
      group: this.settings.group,
      eventId,
      topic,
      eventType,
      outcome: 'dead-lettered',
    });
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    reason: DeadLetterReason,
    code: string,
    detail: string,
    attempts: number,
  ): Promise<void> {
    const original: Record<string, string | undefined> = {};
    for (const name of Object.keys(message.headers ?? {}))
      original[name] = headerValue(message.headers, name);
    this.logger.error(
      { topic, partition, offset: message.offset, eventId: original[Headers.eventId], reason, code },
      'message sent to the dead-letter topic',
    );
    await this.sink.send([
      {
        topic: deadLetterTopic(topic),
        messages: [
          {
            key: message.key,
            value: message.value,
            headers: compactHeaders({
              ...original,
              [Headers.dltReason]: reason,
              [Headers.dltErrorCode]: code,
              // Error messages never carry payload data by convention; cut anyway.
              [Headers.dltErrorMessage]: detail.slice(0, 500),
              [Headers.dltOriginalTopic]: topic,
              [Headers.dltOriginalPartition]: String(partition),
              [Headers.dltOriginalOffset]: message.offset,
              [Headers.dltConsumerGroup]: this.settings.group,
              [Headers.dltAttempts]: String(attempts),
            }),
          },
        ],
      },
    ]);
  }

  private async processCommand(topic: string, message: KafkaMessage): Promise<void> {
    const handler = this.handlers.commands.get(topic);
    const codecs = commandCodecs(topic);
    const requestId = headerValue(message.headers, Headers.requestId);
    const replyTo = headerValue(message.headers, Headers.replyTo);
    if (!handler || !codecs || !requestId || !replyTo) {
      return this.deadLetter(
        topic,
        -1,
        message,
        'undecodable',
        'MISSING_HEADERS',
        'request-id or reply-to missing',
        0,
      );
    }
    const deadline = Number(headerValue(message.headers, Headers.deadline));
    if (Number.isFinite(deadline) && deadline < Date.now()) {
      // The caller gave up already; acting now would surprise it.
      this.logger.warn({ topic, requestId }, 'command expired before it was handled, ignored');
      return;
    }
    const correlationId = headerValue(message.headers, Headers.correlationId) ?? requestId;
    const reply = await correlationContext.run(correlationId, () =>
      this.answer(handler, codecs.request, message),
    );
    await this.sink.sendPhysical([
      {
        topic: replyTo,
        messages: [
          {
            key: message.key,
            value: Buffer.from(codecs.reply.fns.encode(codecs.reply.fns.fromPartial(reply)).finish()),
            headers: compactHeaders({
              [Headers.requestId]: requestId,
              [Headers.eventType]: codecs.reply.schema.split('.').pop(),
              [Headers.schema]: codecs.reply.schema,
              [Headers.correlationId]: correlationId,
              [Headers.occurredAt]: new Date().toISOString(),
            }),
          },
        ],
      },
    ]);
  }

  private async answer(
    handler: (request: unknown) => Promise<unknown>,
    requestCodec: Codec<unknown>,
    message: KafkaMessage,
  ): Promise<Record<string, unknown>> {
    let request: unknown;
    try {
      request = requestCodec.fns.decode(message.value ?? Buffer.alloc(0));
    } catch (error: unknown) {
      return errorReply(new DomainError('COMMAND_UNDECODABLE', 'invalid', errorMessage(error)));
    }
    try {
      return (await handler(request)) as Record<string, unknown>;
    } catch (error: unknown) {
      if (error instanceof DomainError) return errorReply(error);
      this.logger.error({ err: error }, 'command handler failed');
      return errorReply(new DomainError('INTERNAL', 'internal', 'internal error'));
    }
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
