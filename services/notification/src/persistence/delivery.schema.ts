import { addVersioning, VersionedDocument } from '@demarches/platform-mongo';
import { Schema } from 'mongoose';
import { DeliveryStatus } from '../mail/delivery';
import { EmailKind } from '../mail/email-kind';

/** A delivery is an aggregate: its status changes and the EmailDelivered/EmailFailed events are written together. */
export interface DeliveryDocument extends VersionedDocument {
  kind: EmailKind;
  dossierId?: string;
  recipient: string;
  subject: string;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  messageId: string | null;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export const DELIVERY_COLLECTION = 'deliveries';

export const DeliverySchema = addVersioning(
  new Schema<DeliveryDocument>(
    {
      // The id of the event that caused the e-mail: the primary key is the idempotency key.
      _id: { type: String, required: true },
      kind: { type: String, required: true, enum: Object.values(EmailKind) },
      // Absent for an e-mail about no dossier (API token expiry notice).
      dossierId: { type: String, index: true },
      recipient: { type: String, required: true },
      subject: { type: String, required: true },
      body: { type: String, required: true },
      status: { type: String, required: true, enum: ['queued', 'sent', 'failed'] },
      attempts: { type: Number, required: true, default: 0 },
      messageId: { type: String, default: null },
      lastError: { type: String, default: null },
      createdAt: { type: Date, required: true },
      sentAt: { type: Date, default: null },
    },
    { collection: DELIVERY_COLLECTION },
  ),
);
