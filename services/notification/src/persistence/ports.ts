import { EmailTemplate } from '../mail/balise-renderer';
import { ChampBalise } from '../mail/balises';
import { Delivery } from '../mail/delivery';
import { EmailKind } from '../mail/email-kind';

/** What notification remembers of a deposited dossier, to address the e-mails of its later state changes. */
export interface DossierContact {
  dossierId: string;
  number: number;
  demarcheId: string;
  demarcheTitle: string;
  usagerEmail: string;
  depositedAt: Date | null;
  /** When the dossier last passed en instruction (balise « date de passage en instruction »). */
  enInstructionAt: Date | null;
  /** The champ values given at dépôt, rendered by the `--<label>--` balises. */
  champs: ChampBalise[];
}

export abstract class DossierContacts {
  abstract save(contact: DossierContact): Promise<void>;
  abstract find(dossierId: string): Promise<DossierContact | null>;
}

/** What notification keeps of a published démarche: its customised e-mail templates (projection of DemarchePublished). */
export interface DemarcheMails {
  demarcheId: string;
  /** Aggregate version of the démarche: an older snapshot never overwrites a newer one. */
  version: number;
  /** Only the customised kinds; the others use DEFAULT_TEMPLATES. */
  templates: Partial<Record<EmailKind, EmailTemplate>>;
  /**
   * Labels of every champ and annotation of the revision: a balise of a champ the dossier has no value for (an
   * annotation privée, whose value instruction holds, or a champ left empty) renders empty instead of as written.
   */
  labels: string[];
}

export abstract class DemarcheMailTemplates {
  /** Stores the snapshot unless a newer one is already stored; returns whether it applied. */
  abstract apply(mails: DemarcheMails): Promise<boolean>;
  abstract find(demarcheId: string): Promise<DemarcheMails | null>;
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
