import type { Redis } from 'ioredis';
import { RateLimitStore } from './rate-limit.store';

/**
 * Fixed window: one counter per client and window number, INCR then EXPIRE in one MULTI so a counter never
 * outlives its window. Cheap (one round trip) at the cost of allowing up to twice the rate across a boundary.
 */
export class RedisRateLimitStore implements RateLimitStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async hit(key: string, windowS: number, nowMs: number): Promise<{ count: number; resetInS: number }> {
    const windowMs = windowS * 1000;
    const window = Math.floor(nowMs / windowMs);
    const redisKey = `${this.prefix}:ratelimit:${key}:${window}`;
    const results = await this.redis.multi().incr(redisKey).pexpire(redisKey, windowMs).exec();
    const [incrError, count] = results?.[0] ?? [new Error('rate limit transaction aborted'), 0];
    if (incrError) throw incrError;
    const resetInS = Math.max(1, Math.ceil(((window + 1) * windowMs - nowMs) / 1000));
    return { count: Number(count), resetInS };
  }
}
