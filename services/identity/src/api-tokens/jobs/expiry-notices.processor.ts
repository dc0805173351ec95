import { InjectConfig } from '@demarches/platform-config';
import { QueueRegistry } from '@demarches/platform-queue';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { IdentityConfig } from '../../config';
import { SendExpiryNoticesUseCase } from '../use-cases/send-expiry-notices/send-expiry-notices.use-case';
import { API_TOKEN_EXPIRY_SCHEDULER_ID, apiTokenExpiryQueue } from './expiry-notices.queue';

/**
 * Runs the expiry-notice sweep every API_TOKEN_EXPIRY_SWEEP_EVERY_MS (an hour) as a BullMQ job scheduler: with
 * several replicas one job runs per period (the scheduler is upserted by its fixed id). A failed sweep is retried
 * by BullMQ (bounded attempts); each notice is recorded once, so a retry or the next sweep never mails twice.
 */
@Injectable()
export class ApiTokenExpiryProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly registry: QueueRegistry,
    private readonly sendNotices: SendExpiryNoticesUseCase,
    @InjectConfig() private readonly config: Pick<IdentityConfig, 'API_TOKEN_EXPIRY_SWEEP_EVERY_MS'>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.registry.worker(apiTokenExpiryQueue, {
      'envoyer-avis-expiration': async () => {
        await this.sendNotices.execute();
      },
    });
    await this.registry.queue(apiTokenExpiryQueue).queue.upsertJobScheduler(
      API_TOKEN_EXPIRY_SCHEDULER_ID,
      { every: this.config.API_TOKEN_EXPIRY_SWEEP_EVERY_MS },
      {
        name: 'envoyer-avis-expiration',
        data: { payload: {} },
        opts: { attempts: 3, backoff: { type: 'exponential', delay: 5_000 }, removeOnComplete: 100 },
      },
    );
  }
}
