import { FakeKeycloakAdmin, FixedClock, InMemoryAuditEventRepository } from '../../testing/in-memory';
import { RecordAuditEventUseCase } from '../record-audit-event/record-audit-event.use-case';
import { ImportKeycloakEventsUseCase } from './import-keycloak-events.use-case';

describe(ImportKeycloakEventsUseCase.name, () => {
  it('turns Keycloak sign-ins, failures and lockouts into audit events, once', async () => {
    const keycloak = new FakeKeycloakAdmin();
    const events = new InMemoryAuditEventRepository();
    const clock = new FixedClock(new Date('2026-03-01T08:00:00Z'));
    const useCase = new ImportKeycloakEventsUseCase(
      keycloak,
      new RecordAuditEventUseCase(events, clock),
      clock,
    );
    keycloak.kcEvents = [
      { id: 'e1', time: 1, type: 'LOGIN', userId: 'kc-u', ipAddress: '203.0.113.1' },
      { id: 'e2', time: 2, type: 'LOGIN_ERROR', userId: 'kc-u', error: 'invalid_user_credentials' },
      { id: 'e3', time: 3, type: 'LOGIN_ERROR', userId: 'kc-u', error: 'user_temporarily_disabled' },
      { id: 'e4', time: 4, type: 'CODE_TO_TOKEN', userId: 'kc-u' },
    ];
    await useCase.execute();
    await useCase.execute();
    expect(events.events.map((e) => [e.id, e.type])).toEqual([
      ['kc-e1', 'auth.sign_in'],
      ['kc-e2', 'auth.sign_in_failed'],
      ['kc-e3', 'auth.lockout'],
    ]);
    expect(events.events[0]).toMatchObject({ subject: 'kc-u', ip: '203.0.113.1' });
  });
});
