import { Schema } from 'mongoose';

/**
 * For each démarche, the durée de conservation its dossiers' due dates were last all computed for, and when that was
 * checked: the sweep looks for dossiers to recompute (a query over the démarche's dossiers) only when the durée
 * changed, or once a day, instead of on every pass.
 */
export interface PlanificationDemarcheDocument {
  _id: string;
  conservationMois: number;
  verifieLe: Date;
}

export const PLANIFICATION_DEMARCHE_COLLECTION = 'dossiers_echeances_demarches';

export const PlanificationDemarcheSchema = new Schema<PlanificationDemarcheDocument>(
  {
    _id: { type: String, required: true },
    conservationMois: { type: Number, required: true },
    verifieLe: { type: Date, required: true },
  },
  { collection: PLANIFICATION_DEMARCHE_COLLECTION, versionKey: false },
);
