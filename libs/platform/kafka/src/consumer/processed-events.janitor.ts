import { Logger } from '@nestjs/common';

export interface PurgeableStore {
  purgeOlderThan(date: Date): Promise<number>;
}

/**
 * Deletes old dedupe records of `processed_events` on a timer. FerretDB has no TTL index, so the retention is ours.
 * It must outlast Kafka's own retention (a redelivered event older than the record would be handled twice), hence
 * a default of 14 days against Kafka's 7. Every instance runs it: the delete is idempotent.
 */
export class ProcessedEventsJanitor {
  private readonly logger = new Logger(ProcessedEventsJanitor.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly store: PurgeableStore,
    private readonly retentionMs: number,
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  start(): void {
    this.stop();
    this.timer = setInterval(() => void this.purge(), this.intervalMs);
    // Never keeps the process alive on its own.
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  async purge(): Promise<number> {
    try {
      const deleted = await this.store.purgeOlderThan(new Date(this.now() - this.retentionMs));
      if (deleted > 0) this.logger.log({ deleted }, 'old processed events purged');
      return deleted;
    } catch (error: unknown) {
      // A failed purge only delays the clean-up; the next tick tries again.
      this.logger.warn({ err: error }, 'processed events purge failed');
      return 0;
    }
  }
}
