import { Inject, Injectable, Logger } from '@nestjs/common';
import type { InternalIdentity } from '@demarches/platform-auth';
import { InjectConfig } from '@demarches/platform-config';
import type { GatewayConfig } from '../../config';
import { GatewayException } from '../../gateway.exception';
import { RATE_LIMIT_STORE, RateLimitStore } from '../../rate-limit/rate-limit.store';

export interface EnforceRateLimitInput {
  identity: InternalIdentity | undefined;
  clientIp: string;
  nowMs?: number;
}

type RateLimitConfig = Pick<
  GatewayConfig,
  'RATE_LIMIT_ENABLED' | 'RATE_LIMIT_WINDOW_S' | 'RATE_LIMIT_AUTHENTICATED' | 'RATE_LIMIT_ANONYMOUS'
>;

/**
 * A signed-in user is limited per account (all her devices share one budget), an anonymous caller per IP
 * with a smaller budget. Throws RATE_LIMITED with the seconds to wait.
 */
@Injectable()
export class EnforceRateLimitUseCase {
  private readonly logger = new Logger(EnforceRateLimitUseCase.name);

  constructor(
    @Inject(RATE_LIMIT_STORE) private readonly store: RateLimitStore,
    @InjectConfig() private readonly config: RateLimitConfig,
  ) {}

  async execute({ identity, clientIp, nowMs = Date.now() }: EnforceRateLimitInput): Promise<void> {
    if (!this.config.RATE_LIMIT_ENABLED) return;
    const key = identity ? `sub:${identity.sub}` : `ip:${clientIp}`;
    const limit = identity ? this.config.RATE_LIMIT_AUTHENTICATED : this.config.RATE_LIMIT_ANONYMOUS;
    let hit;
    try {
      hit = await this.store.hit(key, this.config.RATE_LIMIT_WINDOW_S, nowMs);
    } catch (error: unknown) {
      // Fail open: an unreachable Redis must not take the whole platform down; readiness reports it.
      this.logger.warn({ err: error }, 'rate limit store unreachable, request allowed');
      return;
    }
    if (hit.count > limit) throw GatewayException.rateLimited(hit.resetInS);
  }
}
