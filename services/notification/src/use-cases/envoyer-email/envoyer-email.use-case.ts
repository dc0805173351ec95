import { Injectable, Logger } from '@nestjs/common';
import { Deliveries, Mailer } from '../../persistence/ports';

export interface Attempt {
  /** 1 for the first attempt. */
  number: number;
  max: number;
}

export type EnvoiOutcome = 'sent' | 'already_sent' | 'unknown_delivery';

/** Sends one recorded delivery over SMTP, once. Throws on failure so the queue retries with backoff. */
@Injectable()
export class EnvoyerEmailUseCase {
  private readonly logger = new Logger(EnvoyerEmailUseCase.name);

  constructor(
    private readonly deliveries: Deliveries,
    private readonly mailer: Mailer,
  ) {}

  async execute(
    deliveryId: string,
    attempt: Attempt,
    now: () => Date = () => new Date(),
  ): Promise<EnvoiOutcome> {
    const delivery = await this.deliveries.find(deliveryId);
    if (!delivery) {
      this.logger.warn({ deliveryId }, 'e-mail job without delivery, dropped');
      return 'unknown_delivery';
    }
    // A retried or re-added job after a successful send must not mail the usager twice.
    if (delivery.status === 'sent') return 'already_sent';

    try {
      const { messageId } = await this.mailer.send({
        to: delivery.recipient,
        subject: delivery.subject,
        text: delivery.body,
        deliveryId: delivery.id,
      });
      await this.deliveries.markSent(delivery.id, messageId, now());
      return 'sent';
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      const permanent = attempt.number >= attempt.max;
      await this.deliveries.recordFailure(
        delivery.id,
        {
          code: smtpCodeOf(error),
          message: error.message.slice(0, 500),
          attempts: attempt.number,
          permanent,
        },
        now(),
      );
      this.logger.warn(
        { deliveryId, attempt: attempt.number, permanent, code: smtpCodeOf(error) },
        'e-mail not sent',
      );
      throw error;
    }
  }
}

/** nodemailer puts the SMTP reply code on `responseCode` and a symbolic one on `code` (ECONNECTION, EENVELOPE…). */
function smtpCodeOf(error: Error): string {
  const { responseCode, code } = error as Error & { responseCode?: number; code?: string };
  if (typeof responseCode === 'number') return `SMTP_${responseCode}`;
  return typeof code === 'string' ? code : 'SEND_FAILED';
}
