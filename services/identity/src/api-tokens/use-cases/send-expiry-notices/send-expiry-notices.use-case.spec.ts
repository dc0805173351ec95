import { Clock } from '../../../use-cases/clock';
import { ApiToken, DAY_MS, ExpiryNotice } from '../../domain/api-token';
import { ApiTokenRepository } from '../../persistence/api-token.repository';
import { ApiTokenExpiryNotifier, SendExpiryNoticesUseCase } from './send-expiry-notices.use-case';

const NOW = new Date('2026-12-01T10:00:00Z');

class InMemoryTokens implements Partial<ApiTokenRepository> {
  constructor(readonly tokens: ApiToken[]) {}
  async expiringBefore(until: Date, now: Date) {
    return this.tokens.filter(
      (t) => !t.revokedAt && t.expiresAt && t.expiresAt > now && t.expiresAt <= until,
    );
  }
  async markNoticeSent(id: string, notice: ExpiryNotice) {
    const token = this.tokens.find((t) => t.id === id);
    if (!token || token.noticesSent.includes(notice)) return false;
    token.noticesSent.push(notice);
    return true;
  }
  async unmarkNoticeSent(id: string, notice: ExpiryNotice) {
    const token = this.tokens.find((t) => t.id === id);
    if (token) token.noticesSent = token.noticesSent.filter((n) => n !== notice);
  }
}

const token = (id: string, days: number | null, overrides: Partial<ApiToken> = {}): ApiToken => ({
  id,
  ownerSub: 'kc-admin',
  ownerEmail: 'admin@demo.fr',
  name: `jeton ${id}`,
  secretHash: 'h',
  scope: 'all',
  access: 'read',
  expiresAt: days === null ? null : new Date(NOW.getTime() + days * DAY_MS),
  allowedIps: [],
  createdAt: NOW,
  lastUsedAt: null,
  lastUsedIp: null,
  revokedAt: null,
  noticesSent: [],
  ...overrides,
});

describe(SendExpiryNoticesUseCase.name, () => {
  const clock = { now: () => NOW } as Clock;

  it('sends each due notice once, to the owner, and none for revoked or far-off tokens', async () => {
    const repo = new InMemoryTokens([
      token('a', 20),
      token('b', 5, { noticesSent: ['1m'] }),
      token('c', 0.5),
      token('d', 90),
      token('e', 3, { revokedAt: NOW }),
    ]);
    const sent: { tokenId: string; notice: ExpiryNotice; to: string }[] = [];
    const notifier: ApiTokenExpiryNotifier = { notify: async (n) => void sent.push(n) };
    const useCase = new SendExpiryNoticesUseCase(repo as unknown as ApiTokenRepository, notifier, clock);
    expect(await useCase.execute()).toEqual({ sent: 3 });
    expect(sent.map((n) => [n.tokenId, n.notice, n.to])).toEqual([
      ['a', '1m', 'admin@demo.fr'],
      ['b', '1w', 'admin@demo.fr'],
      ['c', '1d', 'admin@demo.fr'],
    ]);
    expect(await useCase.execute()).toEqual({ sent: 0 });
  });

  it('gives the notice back when sending fails, so the retry sends it', async () => {
    const repo = new InMemoryTokens([token('a', 20)]);
    const failing: ApiTokenExpiryNotifier = {
      notify: async () => {
        throw new Error('SMTP down');
      },
    };
    await expect(
      new SendExpiryNoticesUseCase(repo as unknown as ApiTokenRepository, failing, clock).execute(),
    ).rejects.toThrow('SMTP down');
    expect(repo.tokens[0]?.noticesSent).toEqual([]);
  });
});
