import { Schema } from 'mongoose';
import { AUDIT_EVENT_TYPES, AuditEventType } from '../domain/audit-event';

export interface AuditEventDocument {
  _id: string;
  type: AuditEventType;
  actor: string;
  subject?: string;
  ip?: string;
  at: Date;
  details: Record<string, string | number | boolean>;
}

export const AUDIT_EVENT_COLLECTION = 'audit_events';

export const AuditEventSchema = new Schema<AuditEventDocument>(
  {
    // Deterministic ids (Keycloak event id, token id + use) make re-imports idempotent.
    _id: { type: String, required: true },
    type: { type: String, enum: AUDIT_EVENT_TYPES, required: true, index: true },
    actor: { type: String, required: true, index: true },
    subject: { type: String, index: true },
    ip: { type: String },
    at: { type: Date, required: true, index: true },
    details: { type: Schema.Types.Mixed, default: {} },
  },
  { collection: AUDIT_EVENT_COLLECTION, versionKey: false, minimize: false },
);

// The trail is read newest first, page after page (keyset on at then _id).
AuditEventSchema.index({ at: -1, _id: -1 });
