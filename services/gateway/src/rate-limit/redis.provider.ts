import { Inject, Injectable, Logger, OnApplicationShutdown, Provider } from '@nestjs/common';
import { Redis } from 'ioredis';
import { GATEWAY_REDIS } from './redis.health';

/**
 * No offline queue and a single attempt per command: while Redis is down, rate-limit checks must fail fast
 * (and the request pass, see EnforceRateLimitUseCase) instead of piling up behind a reconnect.
 */
export function redisProvider(url: string): Provider {
  return {
    provide: GATEWAY_REDIS,
    useFactory: () => {
      const logger = new Logger('GatewayRedis');
      const redis = new Redis(url, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        connectTimeout: 2000,
      });
      // ioredis retries forever and emits an error per attempt; log the outage once, and the recovery.
      let down = false;
      redis.on('error', (error: Error) => {
        if (down) return;
        down = true;
        logger.warn({ reason: error.message }, 'redis unreachable, rate limiting suspended');
      });
      redis.on('ready', () => {
        if (!down) return;
        down = false;
        logger.log('redis reachable again');
      });
      return redis;
    },
  };
}

@Injectable()
export class RedisConnectionCloser implements OnApplicationShutdown {
  constructor(@Inject(GATEWAY_REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
