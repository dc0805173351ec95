import { AuditImportSource } from '../domain/audit-event';

/** Where each import of an external event source has got to: the time of the last event it imported. */
export abstract class AuditImportCursorRepository {
  abstract get(source: AuditImportSource): Promise<Date | undefined>;
  /** Moves the position forward only (a slow concurrent import never moves it back). */
  abstract advance(source: AuditImportSource, to: Date): Promise<void>;
}
