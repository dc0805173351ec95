import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../../use-cases/clock';
import { dueNotice, EXPIRY_NOTICES, ExpiryNotice } from '../../domain/api-token';
import { ApiTokenRepository } from '../../persistence/api-token.repository';

/** Port: how an expiry notice reaches the administrateur (SMTP adapter in identity, see ADR 0018). */
export abstract class ApiTokenExpiryNotifier {
  abstract notify(notice: {
    to: string;
    tokenName: string;
    tokenId: string;
    expiresAt: Date;
    notice: ExpiryNotice;
  }): Promise<void>;
}

/**
 * The scheduled sweep (BullMQ repeatable job, hourly): e-mails the owner of every live token a month, a week and a
 * day before it expires. The notice is marked before sending, atomically, so concurrent sweeps send it once; a
 * failed send gives the mark back and fails the job, which BullMQ retries.
 */
@Injectable()
export class SendExpiryNoticesUseCase {
  private readonly logger = new Logger(SendExpiryNoticesUseCase.name);

  constructor(
    private readonly tokens: ApiTokenRepository,
    private readonly notifier: ApiTokenExpiryNotifier,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<{ sent: number }> {
    const now = this.clock.now();
    const horizon = new Date(now.getTime() + (EXPIRY_NOTICES[0]?.beforeMs ?? 0));
    let sent = 0;
    for (const token of await this.tokens.expiringBefore(horizon, now)) {
      const notice = dueNotice(token, now);
      if (notice === undefined || token.expiresAt === null) continue;
      if (!(await this.tokens.markNoticeSent(token.id, notice))) continue;
      try {
        await this.notifier.notify({
          to: token.ownerEmail,
          tokenName: token.name,
          tokenId: token.id,
          expiresAt: token.expiresAt,
          notice,
        });
      } catch (error: unknown) {
        // Give the notice back so the job's retry (or the next sweep) sends it.
        await this.tokens.unmarkNoticeSent(token.id, notice);
        throw error;
      }
      sent += 1;
    }
    if (sent > 0) this.logger.log({ sent }, 'API token expiry notices sent');
    return { sent };
  }
}
