import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectConfig } from '@demarches/platform-config';
import { MetricsRegistry } from '@demarches/platform-metrics';
import { QueueRegistry } from '@demarches/platform-queue';
import { NotificationConfig } from '../config';
import { EnvoyerEmailUseCase } from '../use-cases/envoyer-email/envoyer-email.use-case';
import { emailQueue } from './email.queue';

/** Worker of the e-mail queue: one job, one use-case call. The registry drains it on shutdown. */
@Injectable()
export class EmailProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly registry: QueueRegistry,
    private readonly envoyerEmail: EnvoyerEmailUseCase,
    @InjectConfig()
    private readonly config: Pick<NotificationConfig, 'EMAIL_MAX_ATTEMPTS' | 'EMAIL_CONCURRENCY'>,
    private readonly metrics: MetricsRegistry,
  ) {}

  onApplicationBootstrap(): void {
    const outcomes = this.metrics.counter('notification_email_jobs_total', 'E-mail jobs by outcome', [
      'outcome',
    ]);
    this.registry.worker(
      emailQueue,
      {
        'send-email': async ({ deliveryId }, job) => {
          try {
            const outcome = await this.envoyerEmail.execute(deliveryId, {
              number: job.attemptsMade + 1,
              max: this.config.EMAIL_MAX_ATTEMPTS,
            });
            outcomes.inc({ outcome });
          } catch (error) {
            outcomes.inc({ outcome: 'failed_attempt' });
            throw error;
          }
        },
      },
      { concurrency: this.config.EMAIL_CONCURRENCY },
    );
  }
}
