export interface QueueOptions {
  redisUrl: string;
  /** Redis key prefix: QUEUE_PREFIX in production, testNamespace() in tests. */
  prefix: string;
  /** How often queue_depth is sampled. */
  depthIntervalMs?: number;
}

export const QUEUE_OPTIONS = 'demarches:QUEUE_OPTIONS';

/** Retry policy every job gets unless `add` overrides it (house style 16: bounded, with backoff, failed kept). */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: false,
} as const;
