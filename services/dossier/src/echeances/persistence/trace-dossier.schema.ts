import { Schema } from 'mongoose';

/**
 * « Seule une trace du Dossier est conservée. Celle-ci indique le nom de l'Administration chargée de la Démarche, le
 * nom de la Démarche, la date de dépôt, la date de décision » (CGU §4.2.2): what is left of an expired dossier.
 */
export interface TraceDossierDocument {
  _id: string;
  number: number;
  demarcheId: string;
  demarcheNumber: number;
  demarcheTitle: string;
  administration: string;
  depositedAt: Date | null;
  decidedAt: Date | null;
  deletedAt: Date;
}

export const TRACE_DOSSIER_COLLECTION = 'dossiers_traces';

export const TraceDossierSchema = new Schema<TraceDossierDocument>(
  {
    _id: { type: String, required: true },
    number: { type: Number, required: true },
    demarcheId: { type: String, required: true, index: true },
    demarcheNumber: { type: Number, required: true },
    demarcheTitle: { type: String, required: true },
    administration: { type: String, default: '' },
    depositedAt: { type: Date, default: null },
    decidedAt: { type: Date, default: null },
    deletedAt: { type: Date, required: true },
  },
  { collection: TRACE_DOSSIER_COLLECTION, versionKey: false },
);
