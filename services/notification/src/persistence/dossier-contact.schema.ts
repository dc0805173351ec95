import { Schema } from 'mongoose';

/** Projection of deposited dossiers: how to address the e-mails of their later state changes. */
export interface DossierContactDocument {
  _id: string;
  number: number;
  demarcheId: string;
  demarcheTitle: string;
  usagerEmail: string;
  depositedAt: Date | null;
  enInstructionAt?: Date | null;
  champs?: { label: string; value: string }[];
}

export const DossierContactSchema = new Schema<DossierContactDocument>(
  {
    _id: { type: String, required: true },
    number: { type: Number, required: true },
    demarcheId: { type: String, required: true },
    demarcheTitle: { type: String, required: true },
    usagerEmail: { type: String, required: true },
    depositedAt: { type: Date, default: null },
    enInstructionAt: { type: Date, default: null },
    champs: { type: [{ _id: false, label: String, value: String }], default: [] },
  },
  { collection: 'dossier_contacts', versionKey: false },
);
