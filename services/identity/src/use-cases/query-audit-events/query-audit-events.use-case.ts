import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { parseInput } from '@demarches/platform-errors';
import { AUDIT_EVENT_TYPES, AuditCursor, AuditEvent } from '../../domain/audit-event';
import { AuditEventRepository } from '../../persistence/audit-event.repository';
import { AuditImportCursorRepository } from '../../persistence/audit-import-cursor.repository';

/** Opaque page cursor: the time and id of the last entry of the previous page. */
export function encodeAuditCursor(event: Pick<AuditEvent, 'at' | 'id'>): string {
  return Buffer.from(JSON.stringify([event.at.toISOString(), event.id]), 'utf8').toString('base64url');
}

function decodeAuditCursor(value: string, ctx: z.RefinementCtx): AuditCursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown[];
    const date = new Date(String(at));
    if (typeof at === 'string' && typeof id === 'string' && id && !Number.isNaN(date.getTime()))
      return { at: date, id };
  } catch {
    // reported below
  }
  ctx.addIssue({
    code: z.ZodIssueCode.custom,
    message: 'Curseur de page invalide : reprenez celui de la réponse.',
  });
  return z.NEVER;
}

const querySchema = z
  .object({
    type: z.enum(AUDIT_EVENT_TYPES).optional(),
    actor: z.string().min(1).max(200).optional(),
    subject: z.string().min(1).max(200).optional(),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    cursor: z.string().min(1).max(500).transform(decodeAuditCursor).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'La date de début doit précéder la date de fin.',
    path: ['from'],
  });

export interface AuditPage {
  events: AuditEvent[];
  /** Pass it back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
  /** Keycloak's events are in the trail up to this time (the import job runs every AUDIT_IMPORT_EVERY_MS). */
  keycloakImportedUntil: Date | null;
}

/**
 * GET /admin/audit: the audit trail for a platform admin, newest first, filtered by type, actor, subject and time,
 * page after page. Reads only the trail: Keycloak's events are imported by the background job (ADR 0017).
 */
@Injectable()
export class QueryAuditEventsUseCase {
  constructor(
    private readonly events: AuditEventRepository,
    private readonly importCursors: AuditImportCursorRepository,
  ) {}

  async execute(rawQuery: unknown): Promise<AuditPage> {
    const query = parseInput(querySchema, rawQuery, 'La recherche dans le journal');
    // One more than asked tells whether another page follows.
    const found = await this.events.query({
      limit: query.limit + 1,
      ...(query.type ? { type: query.type } : {}),
      ...(query.actor ? { actor: query.actor } : {}),
      ...(query.subject ? { subject: query.subject } : {}),
      ...(query.from ? { from: query.from } : {}),
      ...(query.to ? { to: query.to } : {}),
      ...(query.cursor ? { after: query.cursor } : {}),
    });
    const events = found.slice(0, query.limit);
    const last = events[events.length - 1];
    return {
      events,
      nextCursor: found.length > query.limit && last ? encodeAuditCursor(last) : null,
      keycloakImportedUntil: (await this.importCursors.get('keycloak-events')) ?? null,
    };
  }
}
