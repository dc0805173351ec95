import { Injectable } from '@nestjs/common';
import { Caller } from '../../domain/demarche-access';
import { ExportStatus } from '../../domain/export-job';
import { ExportException } from '../../export.exception';
import { ExportFiles, ExportJobs } from '../../persistence/ports';

export interface ExportView {
  id: string;
  demarcheId: string;
  format: string;
  status: ExportStatus;
  dossierCount: number | null;
  createdAt: string;
  completedAt: string | null;
  /** Short-lived signed link, present once the file is ready. */
  downloadUrl: string | null;
}

/** The requester follows her export and gets a short-lived download link once it is ready. */
@Injectable()
export class ConsulterExportUseCase {
  constructor(
    private readonly jobs: ExportJobs,
    private readonly files: ExportFiles,
  ) {}

  async execute(input: { exportId: string; caller: Caller }): Promise<ExportView> {
    const job = await this.jobs.find(input.exportId);
    // Exports hold personal data: only the person who asked sees one, others get "not found".
    if (!job || job.requestedBySub !== input.caller.sub) throw ExportException.exportNotFound(input.exportId);
    const ready = job.status === 'done' && job.objectKey !== null;
    return {
      id: job.id,
      demarcheId: job.demarcheId,
      format: job.format,
      status: job.status,
      dossierCount: job.dossierCount,
      createdAt: job.createdAt.toISOString(),
      completedAt: job.completedAt?.toISOString() ?? null,
      downloadUrl:
        ready && job.objectKey
          ? await this.files.downloadUrl(job.objectKey, fileName(job.demarcheId, job.createdAt))
          : null,
    };
  }
}

function fileName(demarcheId: string, at: Date): string {
  return `dossiers-${demarcheId}-${at.toISOString().slice(0, 10)}.csv`;
}
