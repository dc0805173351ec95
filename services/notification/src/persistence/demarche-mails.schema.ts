import { Schema } from 'mongoose';
import { EmailKind } from '../mail/email-kind';

/** Projection of DemarchePublished: the customised e-mail templates of each démarche, guarded by its version. */
export interface DemarcheMailsDocument {
  _id: string;
  version: number;
  templates: { kind: EmailKind; subject: string; body: string }[];
  labels: string[];
}

export const DEMARCHE_MAILS_MODEL = 'DemarcheMails';

export const DemarcheMailsSchema = new Schema<DemarcheMailsDocument>(
  {
    _id: { type: String, required: true },
    version: { type: Number, required: true },
    templates: {
      type: [
        {
          _id: false,
          kind: { type: String, required: true, enum: Object.values(EmailKind) },
          subject: { type: String, required: true },
          body: { type: String, required: true },
        },
      ],
      default: [],
    },
    labels: { type: [String], default: [] },
  },
  { collection: 'demarche_mails', versionKey: false },
);
