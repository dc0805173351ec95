import { BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { HEALTH_INDICATORS, HEALTH_OPTIONS, HealthIndicator, HealthOptions } from './health-indicator';

export interface CheckResult {
  status: 'up' | 'down';
  ms: number;
  /** Short reason when down; never a stack or a connection string. */
  error?: string;
}

export interface ReadinessReport {
  status: 'ok' | 'unavailable';
  checks: Record<string, CheckResult>;
}

@Injectable()
export class HealthService implements BeforeApplicationShutdown {
  private shuttingDown = false;

  constructor(
    @Inject(HEALTH_INDICATORS) private readonly indicators: HealthIndicator[],
    @Inject(HEALTH_OPTIONS) private readonly options: HealthOptions,
  ) {}

  /** While draining, report not ready so the load balancer stops sending new requests. */
  beforeApplicationShutdown(): void {
    this.shuttingDown = true;
  }

  async readiness(): Promise<ReadinessReport> {
    const results = await Promise.all(
      this.indicators.map(async (indicator) => [indicator.name, await this.run(indicator)] as const),
    );
    const checks = Object.fromEntries(results);
    const allUp = results.every(([, result]) => result.status === 'up');
    return { status: allUp && !this.shuttingDown ? 'ok' : 'unavailable', checks };
  }

  private async run(indicator: HealthIndicator): Promise<CheckResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`timed out after ${this.options.checkTimeoutMs} ms`)),
        this.options.checkTimeoutMs,
      );
    });
    try {
      await Promise.race([indicator.check(), timeout]);
      return { status: 'up', ms: elapsed() };
    } catch (error: unknown) {
      return {
        status: 'down',
        ms: elapsed(),
        error: error instanceof Error ? error.message.slice(0, 200) : 'check failed',
      };
    } finally {
      clearTimeout(timer);
    }
  }
}
