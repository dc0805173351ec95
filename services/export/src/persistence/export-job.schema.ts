import { addVersioning, VersionedDocument } from '@demarches/platform-mongo';
import { Schema } from 'mongoose';
import { ExportFormat, ExportStatus } from '../domain/export-job';

/** An export job is an aggregate: marking it done and its ExportCompleted event are one write. */
export interface ExportJobDocument extends VersionedDocument {
  demarcheId: string;
  format: ExportFormat;
  requestedBySub: string;
  requestedByEmail: string;
  groupeInstructeurIds: string[] | null;
  status: ExportStatus;
  objectKey: string | null;
  sizeBytes: number | null;
  dossierCount: number | null;
  error: string | null;
  createdAt: Date;
  completedAt: Date | null;
}

export const EXPORT_JOB_COLLECTION = 'exports';
export const EXPORT_JOB_MODEL = 'ExportJob';

export const ExportJobSchema = addVersioning(
  new Schema<ExportJobDocument>(
    {
      _id: { type: String, required: true },
      demarcheId: { type: String, required: true },
      format: { type: String, required: true, enum: ['csv'] },
      requestedBySub: { type: String, required: true },
      requestedByEmail: { type: String, required: true },
      groupeInstructeurIds: { type: [String], default: null },
      status: { type: String, required: true, enum: ['pending', 'running', 'done', 'failed'] },
      objectKey: { type: String, default: null },
      sizeBytes: { type: Number, default: null },
      dossierCount: { type: Number, default: null },
      error: { type: String, default: null },
      createdAt: { type: Date, required: true },
      completedAt: { type: Date, default: null },
    },
    { collection: EXPORT_JOB_COLLECTION },
  ),
);
ExportJobSchema.index({ demarcheId: 1, requestedBySub: 1, status: 1 });
