import type { Clock } from './lru-cache';

export type CircuitState = 'closed' | 'open' | 'half_open';

export interface CircuitBreakerOptions {
  /** Consecutive failures (errors or timeouts) that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before one probe request is let through. */
  cooldownMs: number;
  now?: Clock;
  onStateChange?: (state: CircuitState) => void;
}

/** Thrown instead of calling the upstream while the circuit is open. */
export class CircuitOpenError extends Error {
  constructor(readonly retryInMs: number) {
    super('circuit open');
    this.name = 'CircuitOpenError';
  }
}

/**
 * closed → (threshold consecutive failures) → open → (cool-down elapsed, next call) → half_open with ONE probe →
 * closed on success, open again (new cool-down) on failure. While open, callers fail at once instead of each
 * waiting for the upstream's timeout: an autocomplete field sends a request per keystroke.
 */
export class CircuitBreaker {
  private current: CircuitState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private probing = false;
  private readonly now: Clock;

  constructor(private readonly options: CircuitBreakerOptions) {
    if (!Number.isInteger(options.failureThreshold) || options.failureThreshold < 1)
      throw new Error('failureThreshold must be >= 1');
    this.now = options.now ?? Date.now;
  }

  get state(): CircuitState {
    return this.current;
  }

  /**
   * Runs `call` unless the circuit refuses it. `isFailure` tells which errors count against the upstream: a
   * rejected query (HTTP 400) says nothing about its health and must not open the circuit.
   */
  async execute<T>(call: () => Promise<T>, isFailure: (error: unknown) => boolean = () => true): Promise<T> {
    this.acquire();
    try {
      const result = await call();
      this.recordSuccess();
      return result;
    } catch (error: unknown) {
      if (isFailure(error)) this.recordFailure();
      else this.recordSuccess();
      throw error;
    }
  }

  private acquire(): void {
    if (this.current === 'closed') return;
    const elapsed = this.now() - this.openedAt;
    if (this.current === 'open' && elapsed >= this.options.cooldownMs) {
      this.transition('half_open');
    }
    if (this.current === 'half_open' && !this.probing) {
      this.probing = true;
      return;
    }
    throw new CircuitOpenError(Math.max(0, this.options.cooldownMs - elapsed));
  }

  private recordSuccess(): void {
    this.failures = 0;
    this.probing = false;
    if (this.current !== 'closed') this.transition('closed');
  }

  private recordFailure(): void {
    this.probing = false;
    this.failures += 1;
    if (this.current === 'half_open' || this.failures >= this.options.failureThreshold) {
      this.openedAt = this.now();
      if (this.current !== 'open') this.transition('open');
    }
  }

  private transition(state: CircuitState): void {
    this.current = state;
    this.options.onStateChange?.(state);
  }
}
