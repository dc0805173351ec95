import { InjectConfig } from '@demarches/platform-config';
import { QueueRegistry } from '@demarches/platform-queue';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { IdentityConfig } from '../../config';
import { ImportKeycloakEventsUseCase } from '../../use-cases/import-keycloak-events/import-keycloak-events.use-case';
import { AUDIT_IMPORT_SCHEDULER_ID, auditImportQueue } from './audit-import.queue';

/**
 * Imports Keycloak's events into the audit trail every AUDIT_IMPORT_EVERY_MS (a minute) as a BullMQ job scheduler:
 * with several replicas one job runs per period (the scheduler is upserted by its fixed id). A failed import
 * (Keycloak down) is retried by BullMQ (bounded attempts), then the next period carries on from the stored
 * position; entries are keyed by Keycloak event id, so a retry never records an event twice.
 */
@Injectable()
export class AuditImportProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuditImportProcessor.name);

  constructor(
    private readonly registry: QueueRegistry,
    private readonly importEvents: ImportKeycloakEventsUseCase,
    @InjectConfig() private readonly config: Pick<IdentityConfig, 'AUDIT_IMPORT_EVERY_MS'>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.registry.worker(auditImportQueue, {
      'importer-evenements-keycloak': async () => {
        const imported = await this.importEvents.execute();
        if (imported.events + imported.adminEvents > 0)
          this.logger.log(imported, 'keycloak events imported into the audit trail');
      },
    });
    await this.registry.queue(auditImportQueue).queue.upsertJobScheduler(
      AUDIT_IMPORT_SCHEDULER_ID,
      { every: this.config.AUDIT_IMPORT_EVERY_MS },
      {
        name: 'importer-evenements-keycloak',
        data: { payload: {} },
        opts: {
          attempts: 3,
          backoff: { type: 'exponential', delay: 2_000 },
          removeOnComplete: 100,
          removeOnFail: 500,
        },
      },
    );
  }
}
