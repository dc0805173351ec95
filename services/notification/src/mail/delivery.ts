import { EmailKind } from './email-kind';

export type DeliveryStatus = 'queued' | 'sent' | 'failed';

/**
 * One e-mail to send, keyed by the id of the event that caused it: a redelivered event finds its delivery and sends
 * nothing twice. Subject and body are rendered once, when the delivery is created, so what is stored is what was sent.
 */
export interface Delivery {
  id: string;
  kind: EmailKind;
  /** Absent for an e-mail about no dossier (an API token expiry notice). */
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
