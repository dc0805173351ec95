import { FixedClock, InMemoryAuditEventRepository } from '../../testing/in-memory';
import { RecordAuditEventUseCase } from './record-audit-event.use-case';

describe(RecordAuditEventUseCase.name, () => {
  const at = new Date('2026-03-01T08:00:00Z');
  let events: InMemoryAuditEventRepository;
  let audit: RecordAuditEventUseCase;

  beforeEach(() => {
    events = new InMemoryAuditEventRepository();
    audit = new RecordAuditEventUseCase(events, new FixedClock(at));
  });

  it('records an event stamped with the current time', async () => {
    await audit.recordAuditEvent({
      type: 'token.created',
      actor: 'kc-admin',
      subject: 'tok-1',
      ip: '203.0.113.4',
    });
    expect(events.events).toEqual([
      expect.objectContaining({
        type: 'token.created',
        actor: 'kc-admin',
        subject: 'tok-1',
        ip: '203.0.113.4',
        at,
      }),
    ]);
  });

  it('records an event with a given id only once', async () => {
    await audit.recordAuditEvent({ id: 'kc-1', type: 'auth.sign_in', actor: 'kc-u' });
    await audit.recordAuditEvent({ id: 'kc-1', type: 'auth.sign_in', actor: 'kc-u' });
    expect(events.events).toHaveLength(1);
  });

  it('refuses an unknown event type', async () => {
    await expect(audit.recordAuditEvent({ type: 'auth.hacked' as never, actor: 'x' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});
