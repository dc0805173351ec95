import { Inject, Injectable, Logger } from '@nestjs/common';
import type { InternalIdentity } from '@demarches/platform-auth';
import { InjectConfig } from '@demarches/platform-config';
import type { GatewayConfig } from '../../config';
import { GatewayException } from '../../gateway.exception';
import { RATE_LIMIT_STORE, RateLimitStore } from '../../rate-limit/rate-limit.store';

export interface EnforceRateLimitInput {
  identity: InternalIdentity | undefined;
  clientIp: string;
  /** A sign-in or account route: also limited per IP with the account budget. */
  account?: boolean;
  nowMs?: number;
}

type RateLimitConfig = Pick<
  GatewayConfig,
  | 'RATE_LIMIT_ENABLED'
  | 'RATE_LIMIT_WINDOW_S'
  | 'RATE_LIMIT_AUTHENTICATED'
  | 'RATE_LIMIT_ANONYMOUS'
  | 'RATE_LIMIT_ACCOUNT'
  | 'RATE_LIMIT_ACCOUNT_WINDOW_S'
  | 'RATE_LIMIT_API_TOKEN'
  | 'RATE_LIMIT_API_TOKEN_WINDOW_S'
>;

interface Budget {
  key: string;
  limit: number;
  windowS: number;
}

/**
 * Budgets held in Redis so that every gateway replica shares them:
 * - account routes: per client IP (reference: 25 per 15 s), whoever is signed in — guessing and enumeration
 *   come from one place;
 * - API tokens: per token (reference: 400 per minute), whichever IP uses it;
 * - signed-in users: per account (all her devices share one budget); anonymous callers: per IP, smaller.
 * Throws RATE_LIMITED with the seconds to wait (the longest of the exceeded budgets).
 */
@Injectable()
export class EnforceRateLimitUseCase {
  private readonly logger = new Logger(EnforceRateLimitUseCase.name);

  constructor(
    @Inject(RATE_LIMIT_STORE) private readonly store: RateLimitStore,
    @InjectConfig() private readonly config: RateLimitConfig,
  ) {}

  budgets({ identity, clientIp, account }: EnforceRateLimitInput): Budget[] {
    const c = this.config;
    const budgets: Budget[] = [];
    if (account)
      budgets.push({
        key: `account-ip:${clientIp}`,
        limit: c.RATE_LIMIT_ACCOUNT,
        windowS: c.RATE_LIMIT_ACCOUNT_WINDOW_S,
      });
    if (identity?.token)
      budgets.push({
        key: `api-token:${identity.token.id}`,
        limit: c.RATE_LIMIT_API_TOKEN,
        windowS: c.RATE_LIMIT_API_TOKEN_WINDOW_S,
      });
    else if (identity)
      budgets.push({
        key: `sub:${identity.sub}`,
        limit: c.RATE_LIMIT_AUTHENTICATED,
        windowS: c.RATE_LIMIT_WINDOW_S,
      });
    else
      budgets.push({ key: `ip:${clientIp}`, limit: c.RATE_LIMIT_ANONYMOUS, windowS: c.RATE_LIMIT_WINDOW_S });
    return budgets;
  }

  async execute(input: EnforceRateLimitInput): Promise<void> {
    await this.enforce(this.budgets(input), input.nowMs);
  }

  /**
   * The account budget alone, before authentication: failed sign-ins and probes of account routes must count
   * too, so this runs before any credential is looked at.
   */
  async beforeAuthentication(clientIp: string, nowMs?: number): Promise<void> {
    const c = this.config;
    await this.enforce(
      [
        {
          key: `account-ip:${clientIp}`,
          limit: c.RATE_LIMIT_ACCOUNT,
          windowS: c.RATE_LIMIT_ACCOUNT_WINDOW_S,
        },
      ],
      nowMs,
    );
  }

  private async enforce(budgets: Budget[], nowMs = Date.now()): Promise<void> {
    if (!this.config.RATE_LIMIT_ENABLED) return;
    let retryAfterS = 0;
    for (const budget of budgets) {
      let hit;
      try {
        hit = await this.store.hit(budget.key, budget.windowS, nowMs);
      } catch (error: unknown) {
        // Fail open: an unreachable Redis must not take the whole platform down; readiness reports it.
        this.logger.warn({ err: error }, 'rate limit store unreachable, request allowed');
        return;
      }
      if (hit.count > budget.limit) retryAfterS = Math.max(retryAfterS, hit.resetInS);
    }
    if (retryAfterS > 0) throw GatewayException.rateLimited(retryAfterS);
  }
}
