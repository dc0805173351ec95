import { Injectable, Logger } from '@nestjs/common';
import { Readable } from 'node:stream';
import { champColumns, dossiersCsv } from '../../csv/dossiers-csv';
import { DossierRecord } from '../../domain/dossier-record';
import { DossierFilter, DossierRecords, ExportFiles, ExportJobs } from '../../persistence/ports';

export type GenerationOutcome = 'done' | 'already_done' | 'unknown_export';

/** Builds the CSV of one export and streams it to the object store; run by the export queue's worker. */
@Injectable()
export class GenererExportUseCase {
  private readonly logger = new Logger(GenererExportUseCase.name);

  constructor(
    private readonly jobs: ExportJobs,
    private readonly dossiers: DossierRecords,
    private readonly files: ExportFiles,
  ) {}

  async execute(
    exportId: string,
    isLastAttempt: boolean,
    now: () => Date = () => new Date(),
  ): Promise<GenerationOutcome> {
    const job = await this.jobs.find(exportId);
    if (!job) return 'unknown_export';
    if (job.status === 'done') return 'already_done';
    await this.jobs.markRunning(job.id);

    try {
      const filter: DossierFilter = { demarcheId: job.demarcheId, groupeIds: job.groupeInstructeurIds };
      // Two passes over the projection: the header must list every champ before the first line is written.
      const columns = champColumns(await collect(this.dossiers.champLists(filter)));
      let dossierCount = 0;
      const counted = countingThrough(this.dossiers.stream(filter), () => (dossierCount += 1));
      // Same key on a retry: the object is overwritten, never duplicated.
      const objectKey = `exports/${job.demarcheId}/${job.id}.csv`;
      const { sizeBytes } = await this.files.upload(
        objectKey,
        Readable.from(dossiersCsv(columns, counted)),
        'text/csv; charset=utf-8',
      );
      await this.jobs.markDone(job.id, { objectKey, sizeBytes, dossierCount, at: now() });
      this.logger.log({ exportId, dossierCount, sizeBytes }, 'export generated');
      return 'done';
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (isLastAttempt) await this.jobs.markFailed(job.id, message.slice(0, 500));
      throw err;
    }
  }
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

async function* countingThrough(
  records: AsyncIterable<DossierRecord>,
  onRecord: () => void,
): AsyncGenerator<DossierRecord> {
  for await (const record of records) {
    onRecord();
    yield record;
  }
}
