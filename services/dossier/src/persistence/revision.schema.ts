import { Schema } from 'mongoose';
import { RevisionPubliee } from '../domain/revision';

export type RevisionDocument = Omit<RevisionPubliee, 'demarcheId'> & { _id: string };

export const REVISION_COLLECTION = 'revisions_publiees';

export const RevisionSchema = new Schema<RevisionDocument>(
  {
    _id: { type: String, required: true },
    demarcheNumber: { type: Number, required: true },
    title: { type: String, required: true },
    slug: { type: String, required: true, index: true },
    revisionId: { type: String, required: true },
    state: { type: String, required: true },
    champs: { type: Schema.Types.Mixed, default: [] },
    groupeInstructeurDefautId: { type: String, required: true },
    publicCible: { type: String, default: 'particulier' },
    enTest: { type: Boolean, default: false },
    administrateurEmails: { type: [String], default: [] },
    declarativeMode: { type: String, default: null },
    dateLimite: { type: Date, default: null },
    dureeConservationMois: { type: Number, default: 0 },
    administration: { type: String, default: '' },
    // Groupes with their routing rules (conditions are trees: stored as plain sub-documents).
    groupes: { type: Schema.Types.Mixed, default: [] },
    routingChampId: { type: String, default: null },
    fichiers: { type: Schema.Types.Mixed, default: [] },
    sourceVersion: { type: Number, required: true },
  },
  { collection: REVISION_COLLECTION, versionKey: false },
);
