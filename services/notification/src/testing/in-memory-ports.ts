// In-memory stand-ins for the persistence, queue and SMTP ports, used by the use-case unit tests only
// (integration tests run the real adapters against FerretDB, Redis and Mailpit).
import { Delivery } from '../mail/delivery';
import {
  DemarcheMails,
  DemarcheMailTemplates,
  Deliveries,
  DossierContact,
  DossierContacts,
  EmailQueue,
  Mailer,
  OutgoingEmail,
  SendFailure,
} from '../persistence/ports';

export class InMemoryContacts extends DossierContacts {
  readonly byId = new Map<string, DossierContact>();
  async save(contact: DossierContact): Promise<void> {
    this.byId.set(contact.dossierId, contact);
  }
  async find(dossierId: string): Promise<DossierContact | null> {
    return this.byId.get(dossierId) ?? null;
  }
}

export class InMemoryDemarcheMails extends DemarcheMailTemplates {
  readonly byId = new Map<string, DemarcheMails>();
  async apply(mails: DemarcheMails): Promise<boolean> {
    const stored = this.byId.get(mails.demarcheId);
    if (stored && stored.version >= mails.version) return false;
    this.byId.set(mails.demarcheId, mails);
    return true;
  }
  async find(demarcheId: string): Promise<DemarcheMails | null> {
    return this.byId.get(demarcheId) ?? null;
  }
}

export class InMemoryDeliveries extends Deliveries {
  readonly byId = new Map<string, Delivery>();
  readonly events: Array<{ type: 'EmailDelivered' | 'EmailFailed'; deliveryId: string }> = [];
  async createIfAbsent(delivery: Delivery): Promise<boolean> {
    if (this.byId.has(delivery.id)) return false;
    this.byId.set(delivery.id, { ...delivery });
    return true;
  }
  async find(id: string): Promise<Delivery | null> {
    const found = this.byId.get(id);
    return found ? { ...found } : null;
  }
  async markSent(id: string, messageId: string, at: Date): Promise<void> {
    const d = this.byId.get(id);
    if (!d) return;
    Object.assign(d, { status: 'sent', messageId, sentAt: at, attempts: d.attempts + 1 });
    this.events.push({ type: 'EmailDelivered', deliveryId: id });
  }
  async recordFailure(id: string, failure: SendFailure): Promise<void> {
    const d = this.byId.get(id);
    if (!d) return;
    Object.assign(d, { attempts: failure.attempts, lastError: failure.code });
    if (failure.permanent) {
      d.status = 'failed';
      this.events.push({ type: 'EmailFailed', deliveryId: id });
    }
  }
}

export class InMemoryQueue extends EmailQueue {
  readonly jobIds = new Set<string>();
  async enqueue(deliveryId: string): Promise<void> {
    this.jobIds.add(deliveryId);
  }
}

export class FakeMailer extends Mailer {
  readonly sent: OutgoingEmail[] = [];
  failWith: Error | null = null;
  async send(email: OutgoingEmail): Promise<{ messageId: string }> {
    if (this.failWith) throw this.failWith;
    this.sent.push(email);
    return { messageId: `<${email.deliveryId}@test>` };
  }
}
