import { Injectable } from '@nestjs/common';
import { Clock } from '../../../use-cases/clock';
import { AuditLog } from '../../../use-cases/record-audit-event/record-audit-event.use-case';
import { ApiTokenException } from '../../api-token.exception';
import { ApiTokenRepository } from '../../persistence/api-token.repository';

/**
 * Revokes one of the caller's tokens. Someone else's token answers like an unknown one. Revoking twice is a
 * no-op. The gateway may honour a revoked token for up to its cache TTL (30 s, ADR 0018).
 */
@Injectable()
export class RevokeApiTokenUseCase {
  constructor(
    private readonly tokens: ApiTokenRepository,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  async execute(ownerSub: string, id: string, ip?: string): Promise<void> {
    const token = await this.tokens.findById(id);
    if (!token || token.ownerSub !== ownerSub) throw ApiTokenException.notFound(id);
    const now = this.clock.now();
    if (!(await this.tokens.revoke(id, ownerSub, now))) return;
    await this.audit.recordAuditEvent({
      type: 'token.revoked',
      actor: ownerSub,
      subject: id,
      ...(ip ? { ip: ip.slice(0, 64) } : {}),
      at: now,
      details: { name: token.name },
    });
  }
}
