import { Schema } from 'mongoose';

/** Projection of dossiers, from the dossier topic: who owns it, where it is routed, what state it is in. */
export interface DossierProjectionDocument {
  _id: string;
  demarcheId: string;
  state: string;
  usagerSub: string | null;
  usagerEmail: string | null;
  groupeInstructeurId: string | null;
  archived: boolean;
  /** Dossier aggregate version of the last applied event; older (replayed) events are ignored. */
  version: number;
}

export const DossierProjectionSchema = new Schema<DossierProjectionDocument>(
  {
    _id: { type: String, required: true },
    demarcheId: { type: String, required: true },
    state: { type: String, required: true },
    usagerSub: { type: String, default: null },
    usagerEmail: { type: String, default: null },
    groupeInstructeurId: { type: String, default: null },
    archived: { type: Boolean, default: false },
    version: { type: Number, required: true },
  },
  { collection: 'dossiers', versionKey: false },
);

/** Projection of published démarches: the instructeurs of each groupe, from the procedure topic. */
export interface DemarcheProjectionDocument {
  _id: string;
  groupes: Array<{ id: string; instructeurEmails: string[] }>;
  version: number;
}

export const DemarcheProjectionSchema = new Schema<DemarcheProjectionDocument>(
  {
    _id: { type: String, required: true },
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

export const DOSSIER_PROJECTION_MODEL = 'DossierProjection';
export const DEMARCHE_PROJECTION_MODEL = 'DemarcheProjection';
