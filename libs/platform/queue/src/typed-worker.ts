import { DomainError, isRetryableKind } from '@demarches/platform-errors';
import { correlationContext } from '@demarches/platform-logging';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { JobEnvelope, JobMap, JobName, QueueDefinition } from './queue-definition';

export interface JobContext {
  id: string;
  name: string;
  /** 0 on the first attempt. */
  attemptsMade: number;
}

export type JobHandlers<Jobs extends JobMap> = {
  [K in JobName<Jobs>]: (payload: Jobs[K], job: JobContext) => Promise<void>;
};

export interface WorkerOptions {
  concurrency?: number;
}

/**
 * Runs one handler per job name, inside the correlation context of the action that enqueued the job.
 * A DomainError that retrying cannot fix (invalid, not_found, …) fails the job at once instead of
 * burning its remaining attempts.
 */
export class TypedWorker<Jobs extends JobMap> {
  readonly worker: Worker;
  private readonly logger: Logger;

  constructor(
    definition: QueueDefinition<Jobs>,
    handlers: JobHandlers<Jobs>,
    connection: Redis,
    prefix: string,
    options: WorkerOptions = {},
  ) {
    this.logger = new Logger(`Worker:${definition.name}`);
    this.worker = new Worker(definition.name, (job: Job) => this.process(handlers, job), {
      connection,
      prefix,
      concurrency: options.concurrency ?? 1,
    });
    this.worker.on('failed', (job, error) => {
      // Ids and reason only: payloads may hold personal data.
      this.logger.warn(
        { jobId: job?.id, jobName: job?.name, attemptsMade: job?.attemptsMade, reason: error.message },
        'job attempt failed',
      );
    });
    this.worker.on('error', (error) => this.logger.error({ err: error }, 'worker error'));
  }

  private async process(handlers: JobHandlers<Jobs>, job: Job): Promise<void> {
    const handler = (
      handlers as Record<string, ((payload: unknown, ctx: JobContext) => Promise<void>) | undefined>
    )[job.name];
    if (!handler) throw new UnrecoverableError(`no handler for job ${job.name}`);
    const envelope = job.data as JobEnvelope<unknown>;
    const context: JobContext = { id: job.id ?? '', name: job.name, attemptsMade: job.attemptsMade };
    try {
      await correlationContext.run(envelope.correlationId ?? context.id, () =>
        handler(envelope.payload, context),
      );
    } catch (error: unknown) {
      if (error instanceof DomainError && !isRetryableKind(error.kind))
        throw new UnrecoverableError(`${error.code}: ${error.message}`);
      throw error;
    }
  }

  /** Waits for running jobs to finish; takes no new ones. */
  close(): Promise<void> {
    return this.worker.close();
  }
}
