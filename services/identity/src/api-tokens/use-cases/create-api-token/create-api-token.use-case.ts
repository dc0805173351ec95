import { Inject, Injectable } from '@nestjs/common';
import type { InternalIdentity } from '@demarches/platform-auth';
import { parseInput } from '@demarches/platform-errors';
import { z } from 'zod';
import { Clock } from '../../../use-cases/clock';
import { AuditLog } from '../../../use-cases/record-audit-event/record-audit-event.use-case';
import { ApiTokenException } from '../../api-token.exception';
import { API_TOKEN_HASH_KEY } from '../../api-token.settings';
import {
  ApiToken,
  DAY_MS,
  DEFAULT_LIFETIME_DAYS,
  generateApiTokenSecret,
  hashApiTokenSecret,
  MAX_LIFETIME_DAYS,
  normaliseAllowedIps,
} from '../../domain/api-token';
import { ApiTokenRepository } from '../../persistence/api-token.repository';
import { apiTokenView, ApiTokenView } from '../api-token-view';

export const createApiTokenBody = z
  .object({
    name: z.string().trim().min(1, 'Donnez un nom au jeton.').max(100),
    scope: z
      .union([z.literal('all'), z.array(z.string().trim().min(1).max(100)).min(1).max(500)])
      .default('all'),
    access: z.enum(['read', 'read_write']).default('read'),
    /** Days of validity (7 by default, at most a year); null for no expiry, which requires allowedIps. */
    lifetimeDays: z.number().int().min(1).nullable().default(DEFAULT_LIFETIME_DAYS),
    allowedIps: z.array(z.string().max(64)).max(100).default([]),
  })
  .strict();

/** Creates a token for the signed-in administrateur; the plaintext is in the answer and nowhere else. */
@Injectable()
export class CreateApiTokenUseCase {
  constructor(
    private readonly tokens: ApiTokenRepository,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    @Inject(API_TOKEN_HASH_KEY) private readonly hashKey: string,
  ) {}

  async execute(
    owner: InternalIdentity,
    body: unknown,
    ip?: string,
  ): Promise<{ token: string; apiToken: ApiTokenView }> {
    const input = parseInput(createApiTokenBody, body);
    const { ranges, invalid } = normaliseAllowedIps(input.allowedIps);
    if (invalid !== undefined) throw ApiTokenException.invalidIp(invalid);
    if (input.lifetimeDays === null && ranges.length === 0) throw ApiTokenException.expiryRequired();
    if (input.lifetimeDays !== null && input.lifetimeDays > MAX_LIFETIME_DAYS)
      throw ApiTokenException.lifetimeTooLong(MAX_LIFETIME_DAYS);

    const now = this.clock.now();
    const { id, secret, plaintext } = generateApiTokenSecret();
    const token: ApiToken = {
      id,
      ownerSub: owner.sub,
      ownerEmail: owner.email.trim().toLowerCase(),
      name: input.name,
      secretHash: hashApiTokenSecret(secret, this.hashKey),
      scope: input.scope === 'all' ? 'all' : [...new Set(input.scope)],
      access: input.access,
      expiresAt: input.lifetimeDays === null ? null : new Date(now.getTime() + input.lifetimeDays * DAY_MS),
      allowedIps: ranges,
      createdAt: now,
      lastUsedAt: null,
      lastUsedIp: null,
      revokedAt: null,
      noticesSent: [],
    };
    await this.tokens.insert(token);
    await this.audit.recordAuditEvent({
      type: 'token.created',
      actor: owner.sub,
      subject: id,
      ...(ip ? { ip: ip.slice(0, 64) } : {}),
      at: now,
      details: {
        name: token.name,
        access: token.access,
        scope: token.scope === 'all' ? 'all' : token.scope.join(',').slice(0, 500),
        expiresAt: token.expiresAt?.toISOString() ?? 'never',
      },
    });
    return { token: plaintext, apiToken: apiTokenView(token, now) };
  }
}
