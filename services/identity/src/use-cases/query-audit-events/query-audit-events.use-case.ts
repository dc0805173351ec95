import { Injectable, Logger } from '@nestjs/common';
import { z } from 'zod';
import { parseInput } from '@demarches/platform-errors';
import { AUDIT_EVENT_TYPES, AuditEvent } from '../../domain/audit-event';
import { AuditEventRepository } from '../../persistence/audit-event.repository';
import { ImportKeycloakEventsUseCase } from '../import-keycloak-events/import-keycloak-events.use-case';

const querySchema = z.object({
  type: z.enum(AUDIT_EVENT_TYPES).optional(),
  actor: z.string().min(1).optional(),
  subject: z.string().min(1).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** GET /admin/audit: the audit trail for a platform admin, newest first, Keycloak's latest events included. */
@Injectable()
export class QueryAuditEventsUseCase {
  private readonly logger = new Logger(QueryAuditEventsUseCase.name);

  constructor(
    private readonly events: AuditEventRepository,
    private readonly importKeycloakEvents: ImportKeycloakEventsUseCase,
  ) {}

  async execute(rawQuery: unknown): Promise<AuditEvent[]> {
    const query = parseInput(querySchema, rawQuery, 'La recherche dans le journal');
    try {
      await this.importKeycloakEvents.execute();
    } catch (error: unknown) {
      // The trail already recorded stays readable when Keycloak is down; the gap is filled by the next query.
      this.logger.warn(
        { reason: error instanceof Error ? error.message : 'unknown' },
        'keycloak events not imported',
      );
    }
    return this.events.query({
      limit: query.limit,
      ...(query.type ? { type: query.type } : {}),
      ...(query.actor ? { actor: query.actor } : {}),
      ...(query.subject ? { subject: query.subject } : {}),
      ...(query.from ? { from: query.from } : {}),
      ...(query.to ? { to: query.to } : {}),
    });
  }
}
