import type { HealthIndicator } from '@demarches/platform-health';
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { QUEUE_OPTIONS, QueueOptions } from './queue.options';

/**
 * PING on a connection of its own: the queue connection retries forever (BullMQ needs that), which would
 * turn "Redis is down" into a hung probe instead of a fast "down".
 */
@Injectable()
export class RedisHealthIndicator implements HealthIndicator, OnApplicationShutdown {
  readonly name = 'redis';
  private readonly redis: Redis;

  constructor(@Inject(QUEUE_OPTIONS) options: QueueOptions) {
    this.redis = new Redis(options.redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      lazyConnect: true,
      // No background reconnection: each check reconnects if needed, so nothing lingers after shutdown.
      retryStrategy: () => null,
      // ioredis arms this timer on disconnect even when the socket already died; keep it short.
      disconnectTimeout: 200,
    });
    this.redis.on('error', () => undefined); // reported through check(), not as unhandled events
  }

  async check(): Promise<void> {
    if (this.redis.status === 'wait' || this.redis.status === 'end') await this.redis.connect();
    const reply = await this.redis.ping();
    if (reply !== 'PONG') throw new Error(`unexpected PING reply ${reply}`);
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
