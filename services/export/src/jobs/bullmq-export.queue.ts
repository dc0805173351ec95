import { Injectable } from '@nestjs/common';
import { InjectConfig } from '@demarches/platform-config';
import { InjectTypedQueue, TypedQueue } from '@demarches/platform-queue';
import { ExportConfig } from '../config';
import { ExportQueue } from '../persistence/ports';
import { ExportJobs, exportQueue } from './export.queue';

@Injectable()
export class BullmqExportQueue extends ExportQueue {
  constructor(
    @InjectTypedQueue(exportQueue) private readonly queue: TypedQueue<ExportJobs>,
    @InjectConfig() private readonly config: Pick<ExportConfig, 'EXPORT_MAX_ATTEMPTS' | 'EXPORT_BACKOFF_MS'>,
  ) {
    super();
  }

  async enqueue(exportId: string): Promise<void> {
    await this.queue.add(
      'generate-export',
      { exportId },
      {
        jobId: exportId,
        attempts: this.config.EXPORT_MAX_ATTEMPTS,
        backoffMs: this.config.EXPORT_BACKOFF_MS,
      },
    );
  }
}
