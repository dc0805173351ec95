/** Counts hits per client and window; implemented on Redis so every gateway replica shares the counters. */
export interface RateLimitStore {
  /** Records one hit for `key` in the current window and returns the window's count and its remaining seconds. */
  hit(key: string, windowS: number, nowMs: number): Promise<{ count: number; resetInS: number }>;
}

export const RATE_LIMIT_STORE = 'gateway:RATE_LIMIT_STORE';
