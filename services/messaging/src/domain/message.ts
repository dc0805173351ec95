import { Participant } from './dossier-access';

/** One message of a dossier's messagerie. Messaging is its only writer. */
export interface Message {
  id: string;
  dossierId: string;
  demarcheId: string;
  senderSub: string;
  senderEmail: string;
  senderRole: Participant;
  body: string;
  sentAt: Date;
}
