import { correlationContext } from '@demarches/platform-logging';
import { JobsOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { DEFAULT_JOB_OPTIONS } from './queue.options';
import { bullJobId, JobEnvelope, JobMap, JobName, QueueDefinition } from './queue-definition';

export interface AddJobOptions {
  /** Deterministic key (e.g. the delivery id): adding the same key twice enqueues one job. */
  jobId: string;
  delayMs?: number;
  attempts?: number;
  /** First retry delay; doubles on each attempt. */
  backoffMs?: number;
}

export type JobState =
  'completed' | 'failed' | 'delayed' | 'active' | 'waiting' | 'waiting-children' | 'prioritized' | 'unknown';

export interface JobInfo<P> {
  id: string;
  name: string;
  payload: P;
  state: JobState;
  attemptsMade: number;
  failedReason?: string;
}

export const DEPTH_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized'] as const;
export type DepthState = (typeof DEPTH_STATES)[number];

/** A BullMQ queue whose job names and payloads are checked by the compiler. */
export class TypedQueue<Jobs extends JobMap> {
  readonly name: string;
  readonly queue: Queue;

  constructor(definition: QueueDefinition<Jobs>, connection: Redis, prefix: string) {
    this.name = definition.name;
    this.queue = new Queue(definition.name, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
  }

  async add<K extends JobName<Jobs>>(jobName: K, payload: Jobs[K], options: AddJobOptions): Promise<string> {
    const correlationId = correlationContext.current();
    const envelope: JobEnvelope<Jobs[K]> =
      correlationId === undefined ? { payload } : { payload, correlationId };
    const jobOptions: JobsOptions = { jobId: bullJobId(jobName, options.jobId) };
    if (options.delayMs !== undefined) jobOptions.delay = options.delayMs;
    if (options.attempts !== undefined) jobOptions.attempts = options.attempts;
    if (options.backoffMs !== undefined)
      jobOptions.backoff = { type: 'exponential', delay: options.backoffMs };
    const job = await this.queue.add(jobName, envelope, jobOptions);
    return job.id ?? jobOptions.jobId ?? '';
  }

  async getJob<K extends JobName<Jobs>>(jobName: K, key: string): Promise<JobInfo<Jobs[K]> | undefined> {
    const id = bullJobId(jobName, key);
    // State first, then the job: a snapshot taken before a state read could predate the transition seen.
    const state = (await this.queue.getJobState(id)) as JobState;
    const job = await this.queue.getJob(id);
    if (!job || state === 'unknown') return undefined;
    const envelope = job.data as JobEnvelope<Jobs[K]>;
    const info: JobInfo<Jobs[K]> = {
      id,
      name: job.name,
      payload: envelope.payload,
      state,
      attemptsMade: job.attemptsMade,
    };
    if (job.failedReason) info.failedReason = job.failedReason;
    return info;
  }

  async counts(): Promise<Record<DepthState, number>> {
    const counts = await this.queue.getJobCounts(...DEPTH_STATES);
    return Object.fromEntries(DEPTH_STATES.map((s) => [s, counts[s] ?? 0])) as Record<DepthState, number>;
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}
