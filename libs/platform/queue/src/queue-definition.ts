/** Job name -> payload type. Payloads must be JSON-serialisable and free of personal data where possible. */
// `object` rather than Record<string, unknown> so interfaces (which have no index signature) qualify.
export type JobMap = object;
export type JobName<Jobs extends JobMap> = Extract<keyof Jobs, string>;

/** A queue and the jobs it carries; declare one per queue, next to its processor. */
export interface QueueDefinition<Jobs extends JobMap> {
  readonly name: string;
  /** Type-only marker; never set at run time. */
  readonly _jobs?: Jobs;
}

export function defineQueue<Jobs extends JobMap>(name: string): QueueDefinition<Jobs> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`queue name must be kebab-case: ${name}`);
  return { name };
}

/** What a job stores: the payload plus the correlation id of the action that enqueued it. */
export interface JobEnvelope<P> {
  payload: P;
  correlationId?: string;
}

/**
 * The BullMQ id for a caller's deterministic key. Namespaced by job name so two job types may share a key,
 * and escaped because BullMQ refuses ':' (its key separator) and integer-looking ids.
 */
export function bullJobId(jobName: string, key: string): string {
  return `${jobName}/${key.replace(/%/g, '%25').replace(/:/g, '%3A')}`;
}
