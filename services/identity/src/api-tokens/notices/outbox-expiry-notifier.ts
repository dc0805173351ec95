import { ApiTokenExpiryNotice, Topics } from '@demarches/contracts';
import { outboxEvent } from '@demarches/platform-kafka';
import { DuplicateAggregateError } from '@demarches/platform-mongo';
import { Injectable } from '@nestjs/common';
import { Clock } from '../../use-cases/clock';
import type { ExpiryNotice } from '../domain/api-token';
import { ApiTokenNoticeRepository, apiTokenNoticeId } from '../persistence/api-token-notice.repository';
import { ApiTokenExpiryNotifier } from '../use-cases/send-expiry-notices/send-expiry-notices.use-case';

export const EXPIRY_NOTICE_OF: Readonly<Record<ExpiryNotice, ApiTokenExpiryNotice>> = {
  '1m': ApiTokenExpiryNotice.ONE_MONTH,
  '1w': ApiTokenExpiryNotice.ONE_WEEK,
  '1d': ApiTokenExpiryNotice.ONE_DAY,
};

/**
 * The notice leaves identity as an ApiTokenExpiring event (outbox of the notice record); notification mails the
 * administrateur. Identity needs no SMTP settings, and every e-mail of the platform goes out the same way (one
 * queue, retries, EmailDelivered/EmailFailed). A notice already recorded is not recorded twice.
 */
@Injectable()
export class OutboxApiTokenExpiryNotifier extends ApiTokenExpiryNotifier {
  constructor(
    private readonly notices: ApiTokenNoticeRepository,
    private readonly clock: Clock,
  ) {
    super();
  }

  async notify(notice: Parameters<ApiTokenExpiryNotifier['notify']>[0]): Promise<void> {
    const now = this.clock.now();
    const id = apiTokenNoticeId(notice.tokenId, notice.notice);
    const event = outboxEvent(Topics.identity, 'ApiTokenExpiring', notice.tokenId, {
      tokenId: notice.tokenId,
      tokenName: notice.tokenName,
      ownerEmail: notice.to,
      expiresAt: notice.expiresAt,
      notice: EXPIRY_NOTICE_OF[notice.notice],
      at: now,
    });
    try {
      await this.notices.insert(
        {
          id,
          tokenId: notice.tokenId,
          notice: notice.notice,
          ownerEmail: notice.to,
          expiresAt: notice.expiresAt,
          createdAt: now,
        },
        [event],
      );
    } catch (error: unknown) {
      if (error instanceof DuplicateAggregateError) return;
      throw error;
    }
  }
}
