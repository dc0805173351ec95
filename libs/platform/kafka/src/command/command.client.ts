import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import {
  CommandCatalog,
  encodeMessage,
  type Codec,
  type CommandError,
  type CommandTopicName,
  type ReplyOf,
  type RequestOf,
} from '@demarches/contracts';
import { DomainError } from '@demarches/platform-errors';
import { correlationContext } from '@demarches/platform-logging';
import type { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import { compactHeaders, headerValue, Headers } from '../core/headers';
import { uuidv7 } from '../core/ids';
import { KafkaProducer } from '../core/kafka.producer';
import { ensureTopics } from '../core/topic-admin';
import { withTimeout } from '../core/with-timeout';
import { TopicNames } from '../core/topic-names';
import { KAFKA_CLIENT, KAFKA_OPTIONS, type ResolvedKafkaOptions } from '../kafka.options';
import { domainErrorFromReply } from './command-error';

/** The success branch of a command's reply. */
export type CommandOk<C extends CommandTopicName> = NonNullable<ReplyOf<C>['ok']>;

interface Pending {
  codec: Codec<{ ok?: unknown; error?: CommandError }>;
  resolve(ok: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * Kafka request-reply for commands that need an answer (instruction asks dossier to accept a dossier).
 * Replies come back on `<command topic>.reply`; each client instance reads it with its own throw-away group from
 * the latest offset and keeps the replies whose request-id it is waiting for. Low volume by design: commands,
 * not queries at scale.
 */
@Injectable()
export class CommandClient implements OnModuleDestroy {
  private readonly logger = new Logger(CommandClient.name);
  private readonly names: TopicNames;
  private readonly pending = new Map<string, Pending>();
  private readonly instanceId = uuidv7().slice(-12);
  private consumer?: Consumer;
  private starting?: Promise<void>;

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    @Inject(KAFKA_OPTIONS) private readonly options: ResolvedKafkaOptions,
    private readonly producer: KafkaProducer,
  ) {
    this.names = new TopicNames(options.topicPrefix);
  }

  /**
   * Sends the command and resolves with the reply's `ok` branch. A coded error reply is rethrown as the
   * owner's DomainError; no reply within timeoutMs throws DomainError COMMAND_TIMEOUT (kind unavailable) —
   * the command may still have been applied, so commands carry expected versions to make retries safe.
   */
  async send<C extends CommandTopicName>(
    commandTopic: C,
    request: RequestOf<C>,
    options: { timeoutMs?: number; key?: string } = {},
  ): Promise<CommandOk<C>> {
    await this.start();
    const codecs = CommandCatalog[commandTopic] as unknown as {
      request: Codec<RequestOf<C>>;
      reply: Codec<{ ok?: unknown; error?: CommandError }>;
    };
    const timeoutMs = options.timeoutMs ?? this.options.commandTimeoutMs;
    const requestId = uuidv7();
    const result = new Promise<CommandOk<C>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        reject(
          new DomainError(
            'COMMAND_TIMEOUT',
            'unavailable',
            `no reply to ${commandTopic} within ${timeoutMs} ms`,
            {
              commandTopic,
              requestId,
            },
          ),
        );
      }, timeoutMs);
      this.pending.set(requestId, {
        codec: codecs.reply,
        resolve: resolve as (ok: unknown) => void,
        reject,
        timer,
      });
    });
    try {
      await this.producer.send([
        {
          topic: commandTopic,
          messages: [
            {
              key: options.key ?? requestId,
              value: Buffer.from(encodeMessage(codecs.request, request)),
              headers: compactHeaders({
                [Headers.requestId]: requestId,
                [Headers.replyTo]: this.names.reply(commandTopic),
                [Headers.deadline]: String(Date.now() + timeoutMs),
                [Headers.eventType]: codecs.request.schema.split('.').pop(),
                [Headers.schema]: codecs.request.schema,
                [Headers.occurredAt]: new Date().toISOString(),
                [Headers.correlationId]: correlationContext.current() ?? requestId,
              }),
            },
          ],
        },
      ]);
    } catch (error: unknown) {
      this.settle(requestId)?.reject(
        new DomainError(
          'COMMAND_UNAVAILABLE',
          'unavailable',
          `cannot send ${commandTopic}: ${String(error)}`,
        ),
      );
    }
    return result;
  }

  /** Joins the reply topics; send() calls it, services may call it at boot to take the join delay early. */
  start(): Promise<void> {
    this.starting ??= this.startConsumer().catch((error: unknown) => {
      this.starting = undefined;
      throw new DomainError('COMMAND_UNAVAILABLE', 'unavailable', `reply consumer failed: ${String(error)}`);
    });
    return this.starting;
  }

  async onModuleDestroy(): Promise<void> {
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(new DomainError('COMMAND_ABORTED', 'unavailable', 'shutting down'));
      this.pending.delete(id);
    }
    const consumer = this.consumer;
    this.consumer = undefined;
    this.starting = undefined;
    await consumer?.disconnect();
  }

  private async startConsumer(): Promise<void> {
    const replyTopics = Object.keys(CommandCatalog).map((t) => this.names.reply(t));
    if (this.options.ensureTopics) {
      await ensureTopics(this.kafka, replyTopics, {
        partitions: this.options.topicPartitions,
        replicationFactor: this.options.topicReplicationFactor,
      });
    }
    const consumer = this.kafka.consumer({
      groupId: this.names.group(`${this.options.groupId}.replies.${this.instanceId}`),
      sessionTimeout: 10_000,
      heartbeatInterval: 1000,
      allowAutoTopicCreation: false,
    });
    // The throw-away group reads the reply topics from the beginning. Starting at the latest offset raced on a
    // fresh broker: when one partition's offset lookup failed and was retried, its "latest" could land after a
    // reply already written, which was then lost (COMMAND_TIMEOUT). Old replies are skipped by request id, and
    // reply topics are meant to keep a short retention (docs/events.md). The first completed fetch still gates the
    // first send, so the group is in place before any request leaves.
    const fetched = new Promise<void>((resolve) => {
      const remove = consumer.on(consumer.events.FETCH, () => {
        remove();
        resolve();
      });
    });
    await consumer.connect();
    await consumer.subscribe({ topics: replyTopics, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => this.onReply(message) });
    try {
      await withTimeout(fetched, 30_000, 'first fetch of the reply topics');
    } catch (error: unknown) {
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }
    this.consumer = consumer;
  }

  private onReply(message: KafkaMessage): void {
    const requestId = headerValue(message.headers, Headers.requestId);
    if (!requestId) return;
    const pending = this.settle(requestId);
    if (!pending) return; // another instance's reply, or one that came after our timeout
    try {
      const reply = pending.codec.fns.decode(message.value ?? Buffer.alloc(0));
      if (reply.error) pending.reject(domainErrorFromReply(reply.error));
      else pending.resolve(reply.ok);
    } catch (error: unknown) {
      this.logger.error({ requestId }, 'undecodable command reply');
      pending.reject(new DomainError('COMMAND_REPLY_UNDECODABLE', 'internal', String(error)));
    }
  }

  private settle(requestId: string): Pending | undefined {
    const pending = this.pending.get(requestId);
    if (!pending) return undefined;
    clearTimeout(pending.timer);
    this.pending.delete(requestId);
    return pending;
  }
}
