export type ExportFormat = 'csv';
export type ExportStatus = 'pending' | 'running' | 'done' | 'failed';

/** One requested export. Its id is also the BullMQ job id, so a retried job rebuilds the same file. */
export interface ExportJob {
  id: string;
  demarcheId: string;
  format: ExportFormat;
  requestedBySub: string;
  requestedByEmail: string;
  /** Groupes the requester instructs; null when she administers the démarche and sees every dossier. */
  groupeInstructeurIds: string[] | null;
  status: ExportStatus;
  objectKey: string | null;
  sizeBytes: number | null;
  dossierCount: number | null;
  error: string | null;
  createdAt: Date;
  completedAt: Date | null;
}
