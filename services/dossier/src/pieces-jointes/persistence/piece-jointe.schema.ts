import { Schema } from 'mongoose';
import { PieceJointe } from '../domain/piece-jointe';

export type PieceJointeDocument = Omit<PieceJointe, 'id'> & { _id: string };

export const PIECE_JOINTE_COLLECTION = 'pieces_jointes';

/** One document per uploaded file; the dossier's champ value lists the ids of its attached files. */
export const PieceJointeSchema = new Schema<PieceJointeDocument>(
  {
    _id: { type: String, required: true },
    dossierId: { type: String, required: true, index: true },
    champId: { type: String, required: true },
    fileName: { type: String, required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
    sha256: { type: String, required: true },
    key: { type: String, required: true },
    uploadId: { type: String, default: null },
    statut: { type: String, required: true, index: true },
    uploadedBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    attachedAt: { type: Date, default: null },
    removedAt: { type: Date, default: null },
  },
  { collection: PIECE_JOINTE_COLLECTION, versionKey: false },
);
