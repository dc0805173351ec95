import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Caller, exportScope } from '../../domain/demarche-access';
import { ExportJob } from '../../domain/export-job';
import { ExportException } from '../../export.exception';
import { DemarcheAccesses, ExportJobs, ExportQueue } from '../../persistence/ports';

export interface DemanderExportInput {
  demarcheId: unknown;
  format: unknown;
  caller: Caller;
}

/**
 * An administrateur or instructeur asks for an export; the file is built asynchronously. Asking again while the
 * same export is still being built returns that one (DS deduplicates identical requests too).
 */
@Injectable()
export class DemanderExportUseCase {
  constructor(
    private readonly demarches: DemarcheAccesses,
    private readonly jobs: ExportJobs,
    private readonly queue: ExportQueue,
  ) {}

  async execute(input: DemanderExportInput, now = new Date()): Promise<ExportJob> {
    if (typeof input.demarcheId !== 'string' || input.demarcheId.trim() === '') {
      throw ExportException.invalid('La démarche à exporter est obligatoire.');
    }
    if (input.format !== 'csv') throw ExportException.formatUnsupported(String(input.format));
    const demarcheId = input.demarcheId.trim();

    const access = await this.demarches.find(demarcheId);
    const scope = access ? exportScope(access, input.caller) : null;
    if (!scope) throw ExportException.demarcheNotFound(demarcheId);

    const existing = await this.jobs.findInProgress(demarcheId, 'csv', input.caller.sub);
    if (existing) return existing;

    const job: ExportJob = {
      id: randomUUID(),
      demarcheId,
      format: 'csv',
      requestedBySub: input.caller.sub,
      requestedByEmail: input.caller.email,
      groupeInstructeurIds: scope.groupeIds,
      status: 'pending',
      objectKey: null,
      sizeBytes: null,
      dossierCount: null,
      error: null,
      createdAt: now,
      completedAt: null,
    };
    await this.jobs.create(job);
    await this.queue.enqueue(job.id);
    return job;
  }
}
