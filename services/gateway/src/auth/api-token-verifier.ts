import { createHash } from 'node:crypto';
import {
  INTERNAL_IDENTITY_HEADER,
  signInternalIdentity,
  type ApiTokenAccess,
  type ApiTokenScope,
  type InternalIdentity,
} from '@demarches/platform-auth';
import { z } from 'zod';
import { TokenRejectedError, TokenVerificationUnavailableError } from './jwt-verifier';

/** What identity says about a valid API token (ADR 0018); the gateway checks expiry and IP on every request. */
export interface VerifiedApiToken {
  id: string;
  owner: { sub: string; email: string; name?: string };
  scope: ApiTokenScope;
  access: ApiTokenAccess;
  /** ISO date, or null for a token without expiry (only allowed with an IP allow-list). */
  expiresAt: string | null;
  allowedIps: string[];
}

export interface ApiTokenVerifier {
  /** Resolves with the token, rejects with TokenRejectedError or TokenVerificationUnavailableError. */
  verify(token: string, clientIp: string): Promise<VerifiedApiToken>;
}

export const API_TOKEN_VERIFIER = 'gateway:API_TOKEN_VERIFIER';

const verifiedSchema = z.object({
  id: z.string().min(1),
  owner: z.object({ sub: z.string().min(1), email: z.string().min(1), name: z.string().optional() }),
  scope: z.union([z.literal('all'), z.array(z.string().min(1))]),
  access: z.enum(['read', 'read_write']),
  expiresAt: z.string().datetime().nullable(),
  allowedIps: z.array(z.string()),
});

/** The identity the gateway signs for its own calls to identity's internal routes. */
export const GATEWAY_SERVICE_IDENTITY: InternalIdentity = {
  sub: 'service:gateway',
  email: 'gateway@services.demarches.internal',
  roles: ['service'],
};

export interface IdentityApiTokenVerifierOptions {
  identityUrl: string;
  internalTokenSecret: string;
  cacheTtlMs: number;
  timeoutMs: number;
  maxEntries?: number;
  now?: () => number;
}

/**
 * Asks identity (POST /internal/api-tokens/verify) and keeps the answer a few seconds, keyed by the SHA-256 of
 * the token (the secret itself is never kept): an API client making 400 calls a minute costs identity one
 * lookup per TTL. A revocation therefore takes effect within the TTL. Refusals are not cached.
 */
export class IdentityApiTokenVerifier implements ApiTokenVerifier {
  private readonly cache = new Map<string, { value: VerifiedApiToken; until: number }>();
  private readonly now: () => number;

  constructor(private readonly options: IdentityApiTokenVerifierOptions) {
    this.now = options.now ?? Date.now;
  }

  async verify(token: string, clientIp: string): Promise<VerifiedApiToken> {
    const key = createHash('sha256').update(token).digest('base64url');
    const cached = this.cache.get(key);
    if (cached && cached.until > this.now()) return cached.value;
    if (cached) this.cache.delete(key);

    const value = await this.ask(token, clientIp);
    if (this.cache.size >= (this.options.maxEntries ?? 10_000)) {
      // Map keeps insertion order: drop the oldest entry.
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(key, { value, until: this.now() + this.options.cacheTtlMs });
    return value;
  }

  private async ask(token: string, clientIp: string): Promise<VerifiedApiToken> {
    let response: Response;
    try {
      response = await fetch(new URL('/internal/api-tokens/verify', this.options.identityUrl), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [INTERNAL_IDENTITY_HEADER]: signInternalIdentity(
            GATEWAY_SERVICE_IDENTITY,
            this.options.internalTokenSecret,
          ),
        },
        body: JSON.stringify({ token, ip: clientIp }),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error: unknown) {
      throw new TokenVerificationUnavailableError(
        `identity unreachable: ${error instanceof Error ? error.message : 'unknown'}`,
      );
    }
    if (response.status === 401 || response.status === 404) {
      await response.body?.cancel();
      throw new TokenRejectedError('unknown, revoked or expired API token');
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new TokenVerificationUnavailableError(`identity answered ${response.status}`);
    }
    const parsed = verifiedSchema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) throw new TokenVerificationUnavailableError('identity answered an unexpected body');
    const { owner, ...rest } = parsed.data;
    return { ...rest, owner: owner.name === undefined ? { sub: owner.sub, email: owner.email } : owner };
  }
}
