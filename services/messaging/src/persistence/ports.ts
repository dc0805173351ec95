import { DossierView } from '../domain/dossier-access';
import { Message } from '../domain/message';

/** Read side of the dossier projection, as the use cases need it. */
export abstract class DossierViews {
  abstract find(dossierId: string): Promise<DossierView | null>;
}

export abstract class Messages {
  /** Stores the message and its MessageSent event in one atomic write (outbox). */
  abstract send(message: Message): Promise<void>;
  /** Oldest first, as a conversation reads. */
  abstract listByDossier(dossierId: string): Promise<Message[]>;
}
