import { QUEUE_DEPTH } from '@demarches/platform-metrics';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { Redis } from 'ioredis';
import type { Gauge } from 'prom-client';
import { JobMap, QueueDefinition } from './queue-definition';
import { QUEUE_OPTIONS, QueueOptions } from './queue.options';
import { DEPTH_STATES, TypedQueue } from './typed-queue';
import { JobHandlers, TypedWorker, WorkerOptions } from './typed-worker';

/**
 * Owns the Redis connection, every queue handle and every worker of the application, so shutdown can
 * close them in the right order: workers first (finish running jobs), then queues, then the connection.
 */
@Injectable()
export class QueueRegistry
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger('QueueRegistry');
  // BullMQ workers block on Redis; maxRetriesPerRequest must be null for them (BullMQ requirement).
  readonly connection: Redis;
  private readonly queues = new Map<string, TypedQueue<JobMap>>();
  private readonly workers: TypedWorker<JobMap>[] = [];
  private depthTimer?: NodeJS.Timeout;

  constructor(
    @Inject(QUEUE_OPTIONS) private readonly options: QueueOptions,
    @Optional() @Inject(QUEUE_DEPTH) private readonly depthGauge?: Gauge<'queue' | 'state'>,
  ) {
    this.connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
    this.connection.on('error', (error: Error) =>
      this.logger.warn({ reason: error.message }, 'redis connection error'),
    );
  }

  queue<Jobs extends JobMap>(definition: QueueDefinition<Jobs>): TypedQueue<Jobs> {
    let queue = this.queues.get(definition.name);
    if (!queue) {
      queue = new TypedQueue<JobMap>(definition, this.connection, this.options.prefix);
      this.queues.set(definition.name, queue);
    }
    return queue as unknown as TypedQueue<Jobs>;
  }

  worker<Jobs extends JobMap>(
    definition: QueueDefinition<Jobs>,
    handlers: JobHandlers<Jobs>,
    options: WorkerOptions = {},
  ): TypedWorker<Jobs> {
    this.queue(definition); // so its depth is exported even if this process never enqueues
    const worker = new TypedWorker(definition, handlers, this.connection, this.options.prefix, options);
    this.workers.push(worker as unknown as TypedWorker<JobMap>);
    return worker;
  }

  onApplicationBootstrap(): void {
    if (!this.depthGauge) return;
    this.depthTimer = setInterval(() => void this.refreshDepth(), this.options.depthIntervalMs ?? 15_000);
    this.depthTimer.unref();
  }

  /** Samples every known queue into queue_depth{queue,state}. */
  async refreshDepth(): Promise<void> {
    const gauge = this.depthGauge;
    if (!gauge) return;
    await Promise.all(
      [...this.queues.values()].map(async (queue) => {
        try {
          const counts = await queue.counts();
          for (const state of DEPTH_STATES) gauge.set({ queue: queue.name, state }, counts[state]);
        } catch (error: unknown) {
          this.logger.warn(
            { queue: queue.name, reason: error instanceof Error ? error.message : 'unknown' },
            'queue depth sampling failed',
          );
        }
      }),
    );
  }

  /** Stop taking jobs while HTTP still drains; running jobs finish. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.depthTimer);
    await Promise.all(this.workers.map((w) => w.close()));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    await this.connection.quit().catch(() => this.connection.disconnect());
  }
}
