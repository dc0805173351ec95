import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectConfig } from '@demarches/platform-config';
import { MetricsRegistry } from '@demarches/platform-metrics';
import { QueueRegistry } from '@demarches/platform-queue';
import { ExportConfig } from '../config';
import { GenererExportUseCase } from '../use-cases/generer-export/generer-export.use-case';
import { exportQueue } from './export.queue';

/** Worker of the export queue: one job, one use-case call. The registry drains it on shutdown. */
@Injectable()
export class ExportProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly registry: QueueRegistry,
    private readonly genererExport: GenererExportUseCase,
    @InjectConfig() private readonly config: Pick<ExportConfig, 'EXPORT_MAX_ATTEMPTS' | 'EXPORT_CONCURRENCY'>,
    private readonly metrics: MetricsRegistry,
  ) {}

  onApplicationBootstrap(): void {
    const outcomes = this.metrics.counter('export_jobs_total', 'Export jobs by outcome', ['outcome']);
    this.registry.worker(
      exportQueue,
      {
        'generate-export': async ({ exportId }, job) => {
          try {
            outcomes.inc({
              outcome: await this.genererExport.execute(
                exportId,
                job.attemptsMade + 1 >= this.config.EXPORT_MAX_ATTEMPTS,
              ),
            });
          } catch (error) {
            outcomes.inc({ outcome: 'failed_attempt' });
            throw error;
          }
        },
      },
      { concurrency: this.config.EXPORT_CONCURRENCY },
    );
  }
}
