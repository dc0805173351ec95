import { addVersioning, VersionedDocument } from '@demarches/platform-mongo';
import { Schema } from 'mongoose';

/** A message is its own small aggregate: stored together with its MessageSent event (outbox). */
export interface MessageDocument extends VersionedDocument {
  dossierId: string;
  demarcheId: string;
  senderSub: string;
  senderEmail: string;
  senderRole: 'usager' | 'instructeur';
  body: string;
  sentAt: Date;
}

export const MESSAGE_COLLECTION = 'messages';
export const MESSAGE_MODEL = 'Message';

export const MessageSchema = addVersioning(
  new Schema<MessageDocument>(
    {
      _id: { type: String, required: true },
      dossierId: { type: String, required: true },
      demarcheId: { type: String, required: true },
      senderSub: { type: String, required: true },
      senderEmail: { type: String, required: true },
      senderRole: { type: String, required: true, enum: ['usager', 'instructeur'] },
      body: { type: String, required: true },
      sentAt: { type: Date, required: true },
    },
    { collection: MESSAGE_COLLECTION },
  ),
);
// The conversation of one dossier, oldest first.
MessageSchema.index({ dossierId: 1, sentAt: 1 });
