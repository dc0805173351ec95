import { Inject, Injectable } from '@nestjs/common';
import { parseInput } from '@demarches/platform-errors';
import { z } from 'zod';
import { UserRepository } from '../../../persistence/user.repository';
import { Clock } from '../../../use-cases/clock';
import { AuditLog } from '../../../use-cases/record-audit-event/record-audit-event.use-case';
import { ApiTokenException } from '../../api-token.exception';
import { API_TOKEN_HASH_KEY, LAST_USE_THROTTLE_MS } from '../../api-token.settings';
import { parseApiToken, secretMatches, tokenState } from '../../domain/api-token';
import { ApiTokenRepository } from '../../persistence/api-token.repository';

const verifyBody = z.object({ token: z.string().max(200), ip: z.string().max(64) });

export interface VerifiedApiToken {
  id: string;
  owner: { sub: string; email: string };
  scope: 'all' | string[];
  access: 'read' | 'read_write';
  expiresAt: string | null;
  allowedIps: string[];
}

/**
 * For the gateway only (internal route, service identity): is this plaintext a live token, and whose? Records
 * the use, at most once a minute per token (throttled write, audited as token.used). The gateway checks expiry
 * and the IP allow-list again on every request it serves from its cache.
 */
@Injectable()
export class VerifyApiTokenUseCase {
  constructor(
    private readonly tokens: ApiTokenRepository,
    private readonly users: UserRepository,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    @Inject(API_TOKEN_HASH_KEY) private readonly hashKey: string,
  ) {}

  async execute(body: unknown): Promise<VerifiedApiToken> {
    const { token: plaintext, ip } = parseInput(verifyBody, body);
    const parsed = parseApiToken(plaintext);
    if (!parsed) throw ApiTokenException.invalid();
    const token = await this.tokens.findById(parsed.id);
    if (!token || !secretMatches(parsed.secret, this.hashKey, token.secretHash))
      throw ApiTokenException.invalid();
    const now = this.clock.now();
    if (tokenState(token, now) !== 'active') throw ApiTokenException.invalid();
    // A token acts as an administrateur: it dies with the role.
    const owner = await this.users.findBySub(token.ownerSub);
    if (owner && !owner.roles.includes('administrateur')) throw ApiTokenException.invalid();

    if (await this.tokens.recordUse(token.id, now, ip, new Date(now.getTime() - LAST_USE_THROTTLE_MS)))
      await this.audit.recordAuditEvent({
        type: 'token.used',
        actor: token.ownerSub,
        subject: token.id,
        ip,
        at: now,
        details: { name: token.name },
      });
    return {
      id: token.id,
      owner: { sub: token.ownerSub, email: token.ownerEmail },
      scope: token.scope,
      access: token.access,
      expiresAt: token.expiresAt?.toISOString() ?? null,
      allowedIps: token.allowedIps,
    };
  }
}
