import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import ipaddr from 'ipaddr.js';
import type { ApiTokenAccess, ApiTokenScope } from '@demarches/platform-auth';

/**
 * An administrateur's API token (ADR 0018). The secret is shown once; only its keyed hash is stored, under the
 * token id that the token itself carries, so a lookup is one read by primary key.
 */
export interface ApiToken {
  id: string;
  ownerSub: string;
  ownerEmail: string;
  name: string;
  /** HMAC-SHA-256(hash key, secret), base64url. */
  secretHash: string;
  scope: ApiTokenScope;
  access: ApiTokenAccess;
  /** Null only with an IP allow-list. */
  expiresAt: Date | null;
  allowedIps: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  revokedAt: Date | null;
  /** Expiry notices already sent ('1m', '1w', '1d'), so a sweep never sends one twice. */
  noticesSent: ExpiryNotice[];
}

export const API_TOKEN_PREFIX = 'dmt_';
const TOKEN_FORMAT = /^dmt_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

export const DAY_MS = 86_400_000;
export const DEFAULT_LIFETIME_DAYS = 7;
export const MAX_LIFETIME_DAYS = 366;

export type ExpiryNotice = '1m' | '1w' | '1d';
/** Notices before expiry, earliest first (reference: one month, one week, one day). */
export const EXPIRY_NOTICES: readonly { notice: ExpiryNotice; beforeMs: number }[] = [
  { notice: '1m', beforeMs: 30 * DAY_MS },
  { notice: '1w', beforeMs: 7 * DAY_MS },
  { notice: '1d', beforeMs: DAY_MS },
];

/** A new token: its id and the plaintext to show once. */
export function generateApiTokenSecret(): { id: string; secret: string; plaintext: string } {
  const id = randomUUID().replace(/-/g, '');
  const secret = randomBytes(32).toString('base64url');
  return { id, secret, plaintext: `${API_TOKEN_PREFIX}${id}_${secret}` };
}

export function parseApiToken(plaintext: string): { id: string; secret: string } | undefined {
  const match = TOKEN_FORMAT.exec(plaintext);
  return match ? { id: match[1] as string, secret: match[2] as string } : undefined;
}

export function hashApiTokenSecret(secret: string, hashKey: string): string {
  return createHmac('sha256', hashKey).update(secret).digest('base64url');
}

export function secretMatches(secret: string, hashKey: string, storedHash: string): boolean {
  const actual = Buffer.from(hashApiTokenSecret(secret, hashKey));
  const expected = Buffer.from(storedHash);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Normalised CIDR ranges (a bare address becomes /32 or /128); undefined for the first invalid entry. */
export function normaliseAllowedIps(entries: readonly string[]): { ranges: string[]; invalid?: string } {
  const ranges: string[] = [];
  for (const entry of entries) {
    const value = entry.trim();
    try {
      if (value.includes('/')) {
        const [address, prefix] = ipaddr.parseCIDR(value);
        ranges.push(`${address.toString()}/${prefix}`);
      } else {
        const address = ipaddr.parse(value);
        ranges.push(`${address.toString()}/${address.kind() === 'ipv4' ? 32 : 128}`);
      }
    } catch {
      return { ranges, invalid: entry };
    }
  }
  return { ranges: [...new Set(ranges)] };
}

export type TokenState = 'active' | 'expired' | 'revoked';

export function tokenState(token: ApiToken, now: Date): TokenState {
  if (token.revokedAt !== null) return 'revoked';
  if (token.expiresAt !== null && token.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}

/** The notice a sweep at `now` should send, if any: the latest one due and not yet sent. */
export function dueNotice(token: ApiToken, now: Date): ExpiryNotice | undefined {
  if (tokenState(token, now) !== 'active' || token.expiresAt === null) return undefined;
  const remaining = token.expiresAt.getTime() - now.getTime();
  const due = EXPIRY_NOTICES.filter(({ beforeMs }) => remaining <= beforeMs);
  const latest = due[due.length - 1];
  if (!latest) return undefined;
  // Once a later notice went out, the earlier ones are moot.
  const latestIndex = EXPIRY_NOTICES.findIndex((n) => n.notice === latest.notice);
  const alreadyCovered = token.noticesSent.some(
    (sent) => EXPIRY_NOTICES.findIndex((n) => n.notice === sent) >= latestIndex,
  );
  return alreadyCovered ? undefined : latest.notice;
}
