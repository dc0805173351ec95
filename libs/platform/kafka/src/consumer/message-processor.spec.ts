import { Logger } from '@nestjs/common';
import {
  ChangerEtatAction,
  CommandCatalog,
  CommandTopics,
  DossierState,
  Topics,
  encodeMessage,
} from '@demarches/contracts';
import { DomainError } from '@demarches/platform-errors';
import { correlationContext } from '@demarches/platform-logging';
import type { KafkaMessage, Message } from 'kafkajs';
import { headerValue, Headers } from '../core/headers';
import { outboxEvent, toKafkaMessage } from '../outbox/outbox-event.factory';
import type { Handlers } from './handler.registry';
import { MessageProcessor } from './message-processor';
import type { ProcessedEvents } from './processed-events.store';

const deposited = {
  dossierId: 'x1',
  number: 7,
  usagerEmail: 'u@x.fr',
  usagerSub: 'sub-u',
  demarcheId: 'd1',
  demarcheNumber: 42,
  demarcheTitle: 'Subvention',
  revisionId: 'r1',
  groupeInstructeurId: 'g1',
  champs: [],
  depositedAt: new Date('2025-01-01T00:00:00Z'),
  version: 3,
  demandeur: undefined,
  state: DossierState.EN_CONSTRUCTION,
  inviteEmails: [],
};

function consumed(record: Message, offset = '0'): KafkaMessage {
  return {
    key: Buffer.from(String(record.key)),
    value: record.value as Buffer,
    headers: record.headers,
    offset,
    timestamp: String(Date.now()),
    attributes: 0,
    size: 0,
  } as KafkaMessage;
}

function depositedMessage(correlationId?: string): KafkaMessage {
  const event = correlationId
    ? correlationContext.run(correlationId, () =>
        outboxEvent(Topics.dossier, 'DossierDeposited', 'x1', deposited),
      )
    : outboxEvent(Topics.dossier, 'DossierDeposited', 'x1', deposited);
  return consumed(toKafkaMessage(event));
}

class MemoryProcessed implements ProcessedEvents {
  readonly entries: { eventId: string; outcome: string }[] = [];
  async has(_group: string, eventId: string) {
    return this.entries.some((e) => e.eventId === eventId);
  }
  async record(entry: { eventId: string; outcome: string }) {
    this.entries.push(entry);
  }
}

function setup(handlers: Partial<Handlers>, maxAttempts = 3) {
  const sent: { topic: string; messages: Message[] }[] = [];
  const sink = {
    send: async (b: { topic: string; messages: Message[] }[]) => void sent.push(...b),
    sendPhysical: async (b: { topic: string; messages: Message[] }[]) => void sent.push(...b),
  };
  const processed = new MemoryProcessed();
  const processor = new MessageProcessor(
    { events: handlers.events ?? new Map(), commands: handlers.commands ?? new Map() },
    sink,
    processed,
    { group: 'g', maxAttempts, retryBackoffMs: 1 },
    new AbortController().signal,
  );
  return { processor, sent, processed };
}

const onDossier = (handler: (p: unknown, meta: { attempt: number }) => Promise<void> | void) =>
  new Map([[Topics.dossier as string, new Map([['DossierDeposited', handler]])]]);

describe(MessageProcessor.name, () => {
  // The dead-letter and retry paths log on purpose; keep the test output readable.
  beforeAll(() => Logger.overrideLogger(false));

  it('decodes the payload, runs the handler in the message correlation context and records it', async () => {
    const seen: unknown[] = [];
    const { processor, processed } = setup({
      events: onDossier((p) => void seen.push([p, correlationContext.current()])),
    });
    await processor.process(Topics.dossier, 0, depositedMessage('corr-1'));
    expect(seen).toEqual([[deposited, 'corr-1']]);
    expect(processed.entries).toMatchObject([{ outcome: 'handled' }]);
  });

  it('handles a redelivered event only once', async () => {
    const handler = jest.fn();
    const { processor } = setup({ events: onDossier(handler) });
    const message = depositedMessage();
    await processor.process(Topics.dossier, 0, message);
    await processor.process(Topics.dossier, 0, message);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('retries a failing handler, then sends the message to <topic>.dlt with the reason', async () => {
    const handler = jest.fn().mockRejectedValue(new Error('database down'));
    const { processor, sent, processed } = setup({ events: onDossier(handler) }, 3);
    await processor.process(Topics.dossier, 1, depositedMessage());
    expect(handler).toHaveBeenCalledTimes(3);
    expect(sent).toHaveLength(1);
    expect(sent[0].topic).toBe('demarches.dossier.v1.dlt');
    const headers = sent[0].messages[0].headers;
    expect(headerValue(headers, Headers.dltReason)).toBe('retries-exhausted');
    expect(headerValue(headers, Headers.dltErrorCode)).toBe('HANDLER_FAILED');
    expect(headerValue(headers, Headers.dltAttempts)).toBe('3');
    expect(headerValue(headers, Headers.eventType)).toBe('DossierDeposited');
    expect(processed.entries).toMatchObject([{ outcome: 'dead-lettered' }]);
  });

  it('succeeds on a later attempt without dead-lettering', async () => {
    const handler = jest.fn().mockRejectedValueOnce(new Error('blip')).mockResolvedValue(undefined);
    const { processor, sent } = setup({ events: onDossier(handler) });
    await processor.process(Topics.dossier, 0, depositedMessage());
    expect(handler.mock.calls.map((c) => (c[1] as { attempt: number }).attempt)).toEqual([1, 2]);
    expect(sent).toHaveLength(0);
  });

  it('dead-letters at once a DomainError that retrying cannot fix', async () => {
    const handler = jest
      .fn()
      .mockRejectedValue(new DomainError('DEMARCHE_UNKNOWN', 'invalid', 'no such démarche'));
    const { processor, sent } = setup({ events: onDossier(handler) });
    await processor.process(Topics.dossier, 0, depositedMessage());
    expect(handler).toHaveBeenCalledTimes(1);
    expect(headerValue(sent[0].messages[0].headers, Headers.dltReason)).toBe('rejected');
    expect(headerValue(sent[0].messages[0].headers, Headers.dltErrorCode)).toBe('DEMARCHE_UNKNOWN');
  });

  it('sends undecodable bytes straight to the dead-letter topic', async () => {
    const handler = jest.fn();
    const { processor, sent } = setup({ events: onDossier(handler) });
    const message = depositedMessage();
    message.value = Buffer.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]);
    await processor.process(Topics.dossier, 0, message);
    expect(handler).not.toHaveBeenCalled();
    expect(headerValue(sent[0].messages[0].headers, Headers.dltReason)).toBe('undecodable');
  });

  it('ignores event types the service has no handler for', async () => {
    const { processor, sent } = setup({ events: new Map() });
    await processor.process(Topics.dossier, 0, depositedMessage());
    expect(sent).toHaveLength(0);
  });

  describe('commands', () => {
    const topic = CommandTopics.changerEtatDossier;
    const { request, reply } = CommandCatalog[topic];
    const commandMessage = (deadline = Date.now() + 5000) =>
      consumed({
        key: 'x1',
        value: Buffer.from(
          encodeMessage(
            request,
            request.fns.fromPartial({ dossierId: 'x1', action: ChangerEtatAction.ACCEPTER }),
          ),
        ),
        headers: {
          [Headers.requestId]: 'r1',
          [Headers.replyTo]: 'p.reply',
          [Headers.deadline]: String(deadline),
        },
      });

    it('answers with the handler result on the reply-to topic', async () => {
      const handler = jest.fn(async () => ({
        ok: { dossierId: 'x1', state: DossierState.ACCEPTE, version: 5 },
      }));
      const { processor, sent } = setup({ commands: new Map([[topic as string, handler]]) });
      await processor.process(topic, 0, commandMessage());
      expect(sent[0].topic).toBe('p.reply');
      expect(headerValue(sent[0].messages[0].headers, Headers.requestId)).toBe('r1');
      expect(reply.fns.decode(sent[0].messages[0].value as Buffer).ok).toEqual({
        dossierId: 'x1',
        state: DossierState.ACCEPTE,
        version: 5,
      });
    });

    it('answers a DomainError with its code and kind', async () => {
      const handler = jest.fn(async () => {
        throw new DomainError('DOSSIER_NOT_FOUND', 'not_found', 'introuvable');
      });
      const { processor, sent } = setup({ commands: new Map([[topic as string, handler]]) });
      await processor.process(topic, 0, commandMessage());
      expect(reply.fns.decode(sent[0].messages[0].value as Buffer).error).toMatchObject({
        code: 'DOSSIER_NOT_FOUND',
        kind: 'not_found',
      });
    });

    it('does not act on a command whose caller already timed out', async () => {
      const handler = jest.fn();
      const { processor, sent } = setup({ commands: new Map([[topic as string, handler]]) });
      await processor.process(topic, 0, commandMessage(Date.now() - 1));
      expect(handler).not.toHaveBeenCalled();
      expect(sent).toHaveLength(0);
    });
  });
});
