import { Delivery } from '../mail/delivery';

/** What notification remembers of a deposited dossier, to address the e-mails of its later state changes. */
export interface DossierContact {
  dossierId: string;
  number: number;
  demarcheId: string;
  demarcheTitle: string;
  usagerEmail: string;
  depositedAt: Date | null;
}

export abstract class DossierContacts {
  abstract save(contact: DossierContact): Promise<void>;
  abstract find(dossierId: string): Promise<DossierContact | null>;
}

export interface SendFailure {
  code: string;
  message: string;
  attempts: number;
  /** No further attempt will be made. */
  permanent: boolean;
}

export abstract class Deliveries {
  /** Inserts the delivery unless one with the same id exists; returns false for a duplicate. */
  abstract createIfAbsent(delivery: Delivery): Promise<boolean>;
  abstract find(id: string): Promise<Delivery | null>;
  /** Marks it sent and records EmailDelivered in the same write (outbox). */
  abstract markSent(id: string, messageId: string, at: Date): Promise<void>;
  /** Counts the attempt; a permanent failure also marks it failed and records EmailFailed in the same write. */
  abstract recordFailure(id: string, failure: SendFailure, at: Date): Promise<void>;
}

/** The BullMQ queue that sends e-mails; the job id is the delivery id so a second enqueue is a no-op. */
export abstract class EmailQueue {
  abstract enqueue(deliveryId: string): Promise<void>;
}

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  /** Stable id so an SMTP relay or the recipient can spot a duplicate sent after a crash. */
  deliveryId: string;
}

export abstract class Mailer {
  /** Resolves with the SMTP Message-ID once the server accepted the message. */
  abstract send(email: OutgoingEmail): Promise<{ messageId: string }>;
}
