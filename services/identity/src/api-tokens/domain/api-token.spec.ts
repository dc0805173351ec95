import {
  ApiToken,
  DAY_MS,
  dueNotice,
  generateApiTokenSecret,
  hashApiTokenSecret,
  normaliseAllowedIps,
  parseApiToken,
  secretMatches,
  tokenState,
} from './api-token';

const KEY = 'a-hash-key-of-at-least-thirty-two-characters';
const NOW = new Date('2026-12-01T10:00:00Z');

function token(overrides: Partial<ApiToken> = {}): ApiToken {
  return {
    id: 'a'.repeat(32),
    ownerSub: 'kc-admin',
    ownerEmail: 'admin@demo.fr',
    name: 'SI régional',
    secretHash: 'x',
    scope: 'all',
    access: 'read',
    expiresAt: new Date(NOW.getTime() + 60 * DAY_MS),
    allowedIps: [],
    createdAt: NOW,
    lastUsedAt: null,
    lastUsedIp: null,
    revokedAt: null,
    noticesSent: [],
    ...overrides,
  };
}

describe('API token', () => {
  it('round-trips its plaintext and matches only its own secret', () => {
    const { id, secret, plaintext } = generateApiTokenSecret();
    expect(plaintext).toMatch(/^dmt_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    expect(parseApiToken(plaintext)).toEqual({ id, secret });
    const stored = hashApiTokenSecret(secret, KEY);
    expect(stored).not.toContain(secret);
    expect(secretMatches(secret, KEY, stored)).toBe(true);
    expect(secretMatches(`${secret.slice(0, -1)}A`, KEY, stored)).toBe(secret.endsWith('A'));
    expect(secretMatches(secret, `${KEY}-other`, stored)).toBe(false);
    expect(parseApiToken('dmt_short_secret')).toBeUndefined();
  });

  it('normalises IPv4 and IPv6 allow-lists and names the first invalid entry', () => {
    expect(normaliseAllowedIps(['203.0.113.7', '2001:db8::/32', ' 10.0.0.0/8 '])).toEqual({
      ranges: ['203.0.113.7/32', '2001:db8::/32', '10.0.0.0/8'],
    });
    expect(normaliseAllowedIps(['10.0.0.0/8', '300.1.1.1']).invalid).toBe('300.1.1.1');
    expect(normaliseAllowedIps(['10.0.0.0/40']).invalid).toBe('10.0.0.0/40');
  });

  it('is active, expired or revoked', () => {
    expect(tokenState(token(), NOW)).toBe('active');
    expect(tokenState(token({ expiresAt: NOW }), NOW)).toBe('expired');
    expect(tokenState(token({ revokedAt: NOW }), NOW)).toBe('revoked');
    expect(tokenState(token({ expiresAt: null }), NOW)).toBe('active');
  });

  it('sends each expiry notice once: a month, a week and a day before', () => {
    const expiring = (days: number, sent: ApiToken['noticesSent'] = []) =>
      token({ expiresAt: new Date(NOW.getTime() + days * DAY_MS), noticesSent: sent });
    expect(dueNotice(expiring(45), NOW)).toBeUndefined();
    expect(dueNotice(expiring(29), NOW)).toBe('1m');
    expect(dueNotice(expiring(29, ['1m']), NOW)).toBeUndefined();
    expect(dueNotice(expiring(6, ['1m']), NOW)).toBe('1w');
    expect(dueNotice(expiring(0.5, ['1m', '1w']), NOW)).toBe('1d');
    expect(dueNotice(expiring(0.5, ['1m', '1w', '1d']), NOW)).toBeUndefined();
    // A token created for 3 days gets only the day-before notice, not three at once.
    expect(dueNotice(expiring(0.9), NOW)).toBe('1d');
    expect(dueNotice(expiring(-1), NOW)).toBeUndefined();
    expect(dueNotice(token({ expiresAt: null }), NOW)).toBeUndefined();
  });
});
