import { Inject, Injectable } from '@nestjs/common';
import type { HealthIndicator } from '@demarches/platform-health';
import type { Redis } from 'ioredis';

export const GATEWAY_REDIS = 'gateway:REDIS';

@Injectable()
export class RedisHealthIndicator implements HealthIndicator {
  readonly name = 'redis';

  constructor(@Inject(GATEWAY_REDIS) private readonly redis: Redis) {}

  async check(): Promise<void> {
    const answer = await this.redis.ping();
    if (answer !== 'PONG') throw new Error('unexpected PING answer');
  }
}
