import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { parseInput } from '@demarches/platform-errors';
import { AUDIT_EVENT_TYPES, AuditEvent } from '../../domain/audit-event';
import { AuditEventRepository } from '../../persistence/audit-event.repository';
import { Clock } from '../clock';

const inputSchema = z.object({
  /** Deterministic id for idempotent producers (Keycloak event id…); a random one otherwise. */
  id: z.string().min(1).max(200).optional(),
  type: z.enum(AUDIT_EVENT_TYPES),
  actor: z.string().min(1).max(200),
  subject: z.string().min(1).max(200).optional(),
  ip: z.string().max(64).optional(),
  at: z.date().optional(),
  details: z.record(z.union([z.string().max(500), z.number(), z.boolean()])).default({}),
});
export type RecordAuditEventInput = z.input<typeof inputSchema>;

/**
 * The audit port (`AuditLog`): every authentication or authorisation fact goes through here, from identity's own
 * use cases, the Keycloak event import and the API-token use cases. Details never hold secrets or tokens.
 */
@Injectable()
export class RecordAuditEventUseCase {
  constructor(
    private readonly events: AuditEventRepository,
    private readonly clock: Clock,
  ) {}

  async recordAuditEvent(input: RecordAuditEventInput): Promise<AuditEvent> {
    const parsed = parseInput(inputSchema, input);
    const event: AuditEvent = {
      id: parsed.id ?? randomUUID(),
      type: parsed.type,
      actor: parsed.actor,
      at: parsed.at ?? this.clock.now(),
      details: parsed.details,
      ...(parsed.subject !== undefined ? { subject: parsed.subject } : {}),
      ...(parsed.ip !== undefined ? { ip: parsed.ip } : {}),
    };
    await this.events.append(event);
    return event;
  }
}

/** The name ID-B's API-token use cases depend on. */
export { RecordAuditEventUseCase as AuditLog };
