import { Schema } from 'mongoose';

/** Export's projection of deposited dossiers (one document per dossier). */
export interface DossierRecordDocument {
  _id: string;
  number: number;
  demarcheId: string;
  groupeInstructeurId: string;
  state: string;
  usagerEmail: string;
  depositedAt: Date | null;
  enInstructionAt: Date | null;
  decidedAt: Date | null;
  motivation: string | null;
  champs: Array<{ champId: string; label: string; value: string }>;
  version: number;
}

export const DossierRecordSchema = new Schema<DossierRecordDocument>(
  {
    _id: { type: String, required: true },
    number: { type: Number, required: true },
    demarcheId: { type: String, required: true },
    groupeInstructeurId: { type: String, default: '' },
    state: { type: String, required: true },
    usagerEmail: { type: String, required: true },
    depositedAt: { type: Date, default: null },
    enInstructionAt: { type: Date, default: null },
    decidedAt: { type: Date, default: null },
    motivation: { type: String, default: null },
    champs: [{ _id: false, champId: String, label: String, value: String }],
    version: { type: Number, required: true },
  },
  { collection: 'dossiers', versionKey: false },
);
// Exports read one démarche's dossiers by number.
DossierRecordSchema.index({ demarcheId: 1, number: 1 });

/** Who administers and instructs each published démarche. */
export interface DemarcheAccessDocument {
  _id: string;
  title: string;
  administrateurEmails: string[];
  groupes: Array<{ id: string; instructeurEmails: string[] }>;
  version: number;
}

export const DemarcheAccessSchema = new Schema<DemarcheAccessDocument>(
  {
    _id: { type: String, required: true },
    title: { type: String, default: '' },
    administrateurEmails: { type: [String], default: [] },
    groupes: [
      {
        _id: false,
        id: { type: String, required: true },
        instructeurEmails: { type: [String], default: [] },
      },
    ],
    version: { type: Number, required: true },
  },
  { collection: 'demarches', versionKey: false },
);

export const DOSSIER_RECORD_MODEL = 'DossierRecord';
export const DEMARCHE_ACCESS_MODEL = 'DemarcheAccess';
