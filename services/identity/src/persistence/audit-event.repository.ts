import { AuditEvent, AuditQuery } from '../domain/audit-event';

/** Append-only: audit entries are never updated; an entry with a known id is ignored (idempotent import). */
export abstract class AuditEventRepository {
  abstract append(event: AuditEvent): Promise<void>;
  /** Newest first. */
  abstract query(query: AuditQuery): Promise<AuditEvent[]>;
}
