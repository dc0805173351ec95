import { defineQueue } from '@demarches/platform-queue';

export type AuditImportJobs = { 'importer-evenements-keycloak': Record<string, never> };

/** One repeatable job: the import of Keycloak's user and admin events into the audit trail (ADR 0017). */
export const auditImportQueue = defineQueue<AuditImportJobs>('identity-audit-import');

/** Id of the job scheduler: one per queue, whatever the number of replicas (BullMQ upserts it). */
export const AUDIT_IMPORT_SCHEDULER_ID = 'importer-evenements-keycloak';
