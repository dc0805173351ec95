import { Injectable } from '@nestjs/common';
import { InjectConfig } from '@demarches/platform-config';
import { InjectTypedQueue, TypedQueue } from '@demarches/platform-queue';
import { NotificationConfig } from '../config';
import { EmailQueue } from '../persistence/ports';
import { emailQueue } from './email.queue';

@Injectable()
export class BullmqEmailQueue extends EmailQueue {
  constructor(
    @InjectTypedQueue(emailQueue)
    private readonly queue: TypedQueue<{ 'send-email': { deliveryId: string } }>,
    @InjectConfig()
    private readonly config: Pick<NotificationConfig, 'EMAIL_MAX_ATTEMPTS' | 'EMAIL_BACKOFF_MS'>,
  ) {
    super();
  }

  async enqueue(deliveryId: string): Promise<void> {
    await this.queue.add(
      'send-email',
      { deliveryId },
      {
        jobId: deliveryId,
        attempts: this.config.EMAIL_MAX_ATTEMPTS,
        backoffMs: this.config.EMAIL_BACKOFF_MS,
      },
    );
  }
}
