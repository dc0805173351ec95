import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type { HealthIndicator } from '@demarches/platform-health';
import type { Admin, Kafka } from 'kafkajs';
import { withTimeout } from './core/with-timeout';
import { KAFKA_CLIENT } from './kafka.options';

/** Ready when the cluster answers a metadata request within the timeout. */
@Injectable()
export class KafkaHealthIndicator implements HealthIndicator, OnModuleDestroy {
  readonly name = 'kafka';
  private admin?: Admin;

  constructor(@Inject(KAFKA_CLIENT) private readonly kafka: Kafka) {}

  async check(timeoutMs = 2000): Promise<void> {
    try {
      await withTimeout(this.describe(), timeoutMs, 'kafka metadata answer');
    } catch (error: unknown) {
      // A broken admin connection is rebuilt on the next probe.
      await this.onModuleDestroy();
      throw error;
    }
  }

  async onModuleDestroy(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.disconnect().catch(() => undefined);
  }

  private async describe(): Promise<void> {
    if (!this.admin) {
      const admin = this.kafka.admin({ retry: { retries: 0 } });
      await admin.connect();
      this.admin = admin;
    }
    const cluster = await this.admin.describeCluster();
    if (cluster.brokers.length === 0) throw new Error('kafka cluster has no broker');
  }
}
