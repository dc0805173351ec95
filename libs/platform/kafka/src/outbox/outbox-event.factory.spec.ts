import { EventCatalog, MessageSent, SenderRole, Topics, decodeMessage } from '@demarches/contracts';
import { correlationContext } from '@demarches/platform-logging';
import { headerValue, Headers } from '../core/headers';
import { outboxEvent, toKafkaMessage } from './outbox-event.factory';

const sent: MessageSent = {
  messageId: 'm1',
  dossierId: 'x1',
  demarcheId: 'd1',
  senderEmail: 'i@x.fr',
  senderRole: SenderRole.INSTRUCTEUR,
  body: 'Bonjour',
  attachmentKeys: [],
  sentAt: new Date('2025-02-02T10:00:00Z'),
};

describe(outboxEvent.name, () => {
  it('encodes the payload and records the envelope of the event', () => {
    const at = new Date('2025-02-02T10:00:01Z');
    const event = correlationContext.run('corr-9', () =>
      outboxEvent(Topics.messaging, 'MessageSent', 'x1', sent, { occurredAt: at }),
    );
    expect(event).toMatchObject({
      topic: 'demarches.messaging.v1',
      eventType: 'MessageSent',
      schema: 'demarches.messaging.v1.MessageSent',
      key: 'x1',
      occurredAt: at,
      correlationId: 'corr-9',
    });
    expect(decodeMessage(EventCatalog[Topics.messaging].MessageSent, event.payload)).toEqual(sent);
  });

  it('maps to a Kafka record keyed by aggregate id with the documented headers', () => {
    const event = outboxEvent(Topics.messaging, 'MessageSent', 'x1', sent);
    const record = toKafkaMessage(event);
    expect(record.key).toBe('x1');
    expect(headerValue(record.headers, Headers.eventType)).toBe('MessageSent');
    expect(headerValue(record.headers, Headers.eventId)).toBe(event.id);
    expect(headerValue(record.headers, Headers.schema)).toBe('demarches.messaging.v1.MessageSent');
    expect(headerValue(record.headers, Headers.occurredAt)).toBe(event.occurredAt.toISOString());
    expect(headerValue(record.headers, Headers.traceparent)).toMatch(/^00-/);
    // Without a correlation id in context the event id starts the chain.
    expect(headerValue(record.headers, Headers.correlationId)).toBe(event.id);
  });

  it('rejects a payload that does not match the topic and event type at compile time', () => {
    // @ts-expect-error MessageSent is not an event of the dossier topic.
    expect(() => outboxEvent(Topics.dossier, 'MessageSent', 'x1', sent)).toThrow();
    // @ts-expect-error a DossierDeleted payload needs its own fields.
    expect(() => outboxEvent(Topics.dossier, 'DossierDeleted', 'x1', sent)).toThrow();
  });
});
