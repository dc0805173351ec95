import { Schema } from 'mongoose';
import { DossierInstruction } from '../domain/dossier-instruction';
import { GroupeInstructeurView } from './instruction.repositories';

export type DossierInstructionDocument = Omit<DossierInstruction, 'dossierId'> & { _id: string };
export type GroupeDocument = Omit<GroupeInstructeurView, 'groupeId'> & { _id: string };

export const DOSSIER_INSTRUCTION_COLLECTION = 'dossiers_instruction';
export const GROUPE_COLLECTION = 'groupes_instructeurs';

export const DossierInstructionSchema = new Schema<DossierInstructionDocument>(
  {
    _id: { type: String, required: true },
    number: { type: Number, required: true },
    demarcheId: { type: String, required: true },
    demarcheNumber: { type: Number, required: true },
    demarcheTitle: { type: String, required: true },
    groupeInstructeurId: { type: String, required: true, index: true },
    usagerEmail: { type: String, required: true },
    state: { type: String, required: true },
    depositedAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    followers: { type: [String], default: [] },
    archived: { type: Boolean, default: false },
    dossierVersion: { type: Number, required: true },
  },
  { collection: DOSSIER_INSTRUCTION_COLLECTION, versionKey: false },
);

export const GroupeSchema = new Schema<GroupeDocument>(
  {
    _id: { type: String, required: true },
    demarcheId: { type: String, required: true, index: true },
    demarcheTitle: { type: String, required: true },
    instructeurs: { type: [String], default: [], index: true },
    sourceVersion: { type: Number, required: true },
  },
  { collection: GROUPE_COLLECTION, versionKey: false },
);
