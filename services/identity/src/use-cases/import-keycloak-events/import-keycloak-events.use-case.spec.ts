import {
  FakeKeycloakAdmin,
  FixedClock,
  InMemoryAuditEventRepository,
  InMemoryAuditImportCursors,
} from '../../testing/in-memory';
import { RecordAuditEventUseCase } from '../record-audit-event/record-audit-event.use-case';
import { ImportKeycloakEventsUseCase } from './import-keycloak-events.use-case';

const now = new Date('2026-03-01T08:00:00Z').getTime();

describe(ImportKeycloakEventsUseCase.name, () => {
  const setup = () => {
    const keycloak = new FakeKeycloakAdmin();
    const events = new InMemoryAuditEventRepository();
    const cursors = new InMemoryAuditImportCursors();
    const clock = new FixedClock(new Date(now));
    const useCase = new ImportKeycloakEventsUseCase(
      keycloak,
      new RecordAuditEventUseCase(events, clock),
      cursors,
      clock,
    );
    return { keycloak, events, cursors, useCase };
  };

  it('turns Keycloak sign-ins, failures and lockouts into audit events, once', async () => {
    const { keycloak, events, useCase } = setup();
    keycloak.kcEvents = [
      { id: 'e1', time: now - 4, type: 'LOGIN', userId: 'kc-u', ipAddress: '203.0.113.1' },
      { id: 'e2', time: now - 3, type: 'LOGIN_ERROR', userId: 'kc-u', error: 'invalid_user_credentials' },
      {
        id: 'e3',
        time: now - 2,
        type: 'USER_DISABLED_BY_TEMPORARY_LOCKOUT',
        userId: 'kc-u',
        details: { num_failures: '10', reason: 'brute_force_attack detected' },
      },
      { id: 'e4', time: now - 1, type: 'LOGIN_ERROR', userId: 'kc-u', error: 'user_temporarily_disabled' },
      { id: 'e5', time: now, type: 'CODE_TO_TOKEN', userId: 'kc-u' },
    ];
    expect(await useCase.execute()).toEqual({ events: 4, adminEvents: 0 });
    await useCase.execute();
    expect(events.events.map((e) => [e.id, e.type])).toEqual([
      ['kc-e1', 'auth.sign_in'],
      ['kc-e2', 'auth.sign_in_failed'],
      ['kc-e3', 'auth.lockout'],
      ['kc-e4', 'auth.sign_in_failed'],
    ]);
    expect(events.events[0]).toMatchObject({
      actor: 'kc-u',
      subject: 'kc-u',
      ip: '203.0.113.1',
      at: new Date(now - 4),
    });
    expect(events.events[2]?.details).toMatchObject({ num_failures: '10' });
    expect(events.events[3]?.details).toMatchObject({ error: 'user_temporarily_disabled' });
  });

  it('resumes from the last imported event time and looks back 90 days the first time', async () => {
    const { keycloak, events, cursors, useCase } = setup();
    keycloak.kcEvents = [
      { id: 'old', time: now - 91 * 86_400_000, type: 'LOGIN', userId: 'kc-u' },
      { id: 'a', time: now - 60_000, type: 'LOGIN', userId: 'kc-u' },
    ];
    await useCase.execute();
    expect(await cursors.get('keycloak-events')).toEqual(new Date(now - 60_000));
    // An event older than the position (expired from Keycloak's point of view here) is never asked again.
    keycloak.kcEvents.push(
      { id: 'late', time: now - 120_000, type: 'LOGIN', userId: 'kc-u' },
      { id: 'b', time: now - 60_000, type: 'LOGIN_ERROR', userId: 'kc-v' },
      { id: 'c', time: now - 1000, type: 'LOGOUT', userId: 'kc-u' },
    );
    // `a` is read again (the position is inclusive) and ignored by its id.
    expect(await useCase.execute()).toEqual({ events: 3, adminEvents: 0 });
    expect(events.events.map((e) => e.id).sort()).toEqual(['kc-a', 'kc-b', 'kc-c']);
    expect(await cursors.get('keycloak-events')).toEqual(new Date(now - 1000));
  });

  it('reads every page of a busy period', async () => {
    const { keycloak, events, useCase } = setup();
    keycloak.kcEvents = Array.from({ length: 450 }, (_, i) => ({
      id: `p${i}`,
      time: now - 10_000 + i,
      type: 'LOGIN',
      userId: 'kc-u',
    }));
    expect((await useCase.execute()).events).toBe(450);
    expect(events.events).toHaveLength(450);
  });

  it('imports admin events made outside identity: role mappings, accounts, other changes', async () => {
    const { keycloak, events, useCase } = setup();
    const auth = (userId: string) => ({ userId, ipAddress: '198.51.100.2', realmId: 'master' });
    keycloak.kcAdminEvents = [
      {
        id: 'a1',
        time: now - 5,
        operationType: 'CREATE',
        resourceType: 'REALM_ROLE_MAPPING',
        resourcePath: 'users/kc-x/role-mappings/realm',
        representation: JSON.stringify([{ id: 'r1', name: 'administrateur' }]),
        authDetails: auth('kc-console-admin'),
      },
      {
        id: 'a2',
        time: now - 4,
        operationType: 'DELETE',
        resourceType: 'REALM_ROLE_MAPPING',
        resourcePath: 'users/kc-x/role-mappings/realm',
        authDetails: auth('kc-console-admin'),
      },
      {
        id: 'a3',
        time: now - 3,
        operationType: 'CREATE',
        resourceType: 'USER',
        resourcePath: 'users/kc-y',
        authDetails: auth(keycloak.serviceAccount),
      },
      {
        id: 'a4',
        time: now - 2,
        operationType: 'UPDATE',
        resourceType: 'REALM',
        authDetails: auth('kc-console-admin'),
      },
      {
        id: 'a5',
        time: now - 1,
        operationType: 'ACTION',
        resourceType: 'USER',
        resourcePath: 'users/kc-x/reset-password',
        authDetails: auth('kc-console-admin'),
      },
    ];
    expect(await useCase.execute()).toEqual({ events: 0, adminEvents: 4 });
    expect(events.events.map((e) => [e.id, e.type, e.actor, e.subject])).toEqual([
      ['kca-a1', 'role.granted', 'kc-console-admin', 'kc-x'],
      ['kca-a2', 'role.removed', 'kc-console-admin', 'kc-x'],
      ['kca-a4', 'keycloak.admin_change', 'kc-console-admin', undefined],
      ['kca-a5', 'auth.password_updated', 'kc-console-admin', 'kc-x'],
    ]);
    expect(events.events[0]).toMatchObject({
      ip: '198.51.100.2',
      details: { source: 'keycloak-admin', role: 'administrateur' },
    });
  });

  it('keeps the position when Keycloak fails, so the next run imports the gap', async () => {
    const { keycloak, events, cursors, useCase } = setup();
    keycloak.kcEvents = [{ id: 'a', time: now - 1000, type: 'LOGIN', userId: 'kc-u' }];
    await useCase.execute();
    keycloak.kcEvents.push({ id: 'b', time: now - 500, type: 'LOGIN', userId: 'kc-u' });
    const events$ = keycloak.events.bind(keycloak);
    keycloak.events = () => Promise.reject(new Error('keycloak down'));
    await expect(useCase.execute()).rejects.toThrow('keycloak down');
    expect(await cursors.get('keycloak-events')).toEqual(new Date(now - 1000));
    keycloak.events = events$;
    await useCase.execute();
    expect(events.events.map((e) => e.id)).toEqual(['kc-a', 'kc-b']);
  });
});
