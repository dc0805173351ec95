import { AuditEvent } from '../../domain/audit-event';
import { InMemoryAuditEventRepository, InMemoryAuditImportCursors } from '../../testing/in-memory';
import { QueryAuditEventsUseCase } from './query-audit-events.use-case';

const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 8, minute));

describe(QueryAuditEventsUseCase.name, () => {
  const events = new InMemoryAuditEventRepository();
  const cursors = new InMemoryAuditImportCursors();
  const useCase = new QueryAuditEventsUseCase(events, cursors);

  beforeAll(async () => {
    const entries: AuditEvent[] = [
      { id: 'a', type: 'auth.sign_in', actor: 'kc-u', subject: 'kc-u', at: at(1), details: {} },
      { id: 'b', type: 'auth.sign_in_failed', actor: 'kc-u', subject: 'kc-u', at: at(2), details: {} },
      // Two entries at the same instant: the page boundary must not lose either.
      { id: 'c', type: 'role.granted', actor: 'kc-admin', subject: 'kc-u', at: at(3), details: {} },
      { id: 'd', type: 'role.granted', actor: 'kc-admin', subject: 'kc-v', at: at(3), details: {} },
      { id: 'e', type: 'token.used', actor: 'kc-admin', subject: 'tok-1', at: at(4), details: {} },
    ];
    for (const entry of entries) await events.append(entry);
    await cursors.advance('keycloak-events', at(5));
  });

  it('pages through the trail newest first with the returned cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await useCase.execute({ limit: '2', ...(cursor ? { cursor } : {}) });
      seen.push(...page.events.map((e) => e.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(seen).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(pages).toBe(3);
  });

  it('filters by type, actor, subject and dates, and says how fresh Keycloak events are', async () => {
    expect((await useCase.execute({ type: 'role.granted' })).events.map((e) => e.id)).toEqual(['d', 'c']);
    expect((await useCase.execute({ actor: 'kc-u' })).events.map((e) => e.id)).toEqual(['b', 'a']);
    expect((await useCase.execute({ subject: 'kc-u' })).events.map((e) => e.id)).toEqual(['c', 'b', 'a']);
    const range = await useCase.execute({ from: at(2).toISOString(), to: at(3).toISOString() });
    expect(range.events.map((e) => e.id)).toEqual(['d', 'c', 'b']);
    expect(range.nextCursor).toBeNull();
    expect(range.keycloakImportedUntil).toEqual(at(5));
  });

  it('refuses a forged cursor, an unknown type and a reversed period', async () => {
    for (const query of [
      { cursor: 'pas-un-curseur' },
      { type: 'auth.hacked' },
      { from: at(3).toISOString(), to: at(1).toISOString() },
      { limit: '501' },
    ])
      await expect(useCase.execute(query)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
