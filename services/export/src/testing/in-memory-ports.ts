// In-memory stand-ins for the export ports, used by the use-case unit tests only
// (integration tests run the real adapters against FerretDB, Redis and the S3 server).
import { Readable } from 'node:stream';
import { DemarcheAccess } from '../domain/demarche-access';
import { ChampCell, DossierRecord } from '../domain/dossier-record';
import { ExportJob } from '../domain/export-job';
import {
  DemarcheAccesses,
  DossierFilter,
  DossierRecords,
  ExportFiles,
  ExportJobs,
  ExportQueue,
} from '../persistence/ports';

export class InMemoryDossierRecords extends DossierRecords {
  readonly byId = new Map<string, DossierRecord>();
  async upsert(record: DossierRecord): Promise<void> {
    const current = this.byId.get(record.dossierId);
    if (!current || current.version < record.version) this.byId.set(record.dossierId, { ...record });
  }
  async update(id: string, version: number, changes: Partial<DossierRecord>): Promise<void> {
    const current = this.byId.get(id);
    if (current && current.version < version) Object.assign(current, changes, { version });
  }
  async remove(id: string): Promise<void> {
    this.byId.delete(id);
  }
  async *champLists(filter: DossierFilter): AsyncIterable<Array<Pick<ChampCell, 'champId' | 'label'>>> {
    for (const record of this.matching(filter)) yield record.champs;
  }
  async *stream(filter: DossierFilter): AsyncIterable<DossierRecord> {
    yield* this.matching(filter);
  }
  private matching(filter: DossierFilter): DossierRecord[] {
    return [...this.byId.values()]
      .filter((r) => r.demarcheId === filter.demarcheId)
      .filter((r) => filter.groupeIds === null || filter.groupeIds.includes(r.groupeInstructeurId))
      .sort((a, b) => a.number - b.number);
  }
}

export class InMemoryDemarcheAccesses extends DemarcheAccesses {
  readonly byId = new Map<string, DemarcheAccess>();
  async save(access: DemarcheAccess): Promise<void> {
    this.byId.set(access.demarcheId, access);
  }
  async find(id: string): Promise<DemarcheAccess | null> {
    return this.byId.get(id) ?? null;
  }
}

export class InMemoryExportJobs extends ExportJobs {
  readonly byId = new Map<string, ExportJob>();
  readonly completed: string[] = [];
  async create(job: ExportJob): Promise<void> {
    this.byId.set(job.id, { ...job });
  }
  async find(id: string): Promise<ExportJob | null> {
    const job = this.byId.get(id);
    return job ? { ...job } : null;
  }
  async findInProgress(demarcheId: string, format: string, sub: string): Promise<ExportJob | null> {
    const found = [...this.byId.values()].find(
      (j) =>
        j.demarcheId === demarcheId &&
        j.format === format &&
        j.requestedBySub === sub &&
        ['pending', 'running'].includes(j.status),
    );
    return found ?? null;
  }
  async markRunning(id: string): Promise<void> {
    this.set(id, { status: 'running' });
  }
  async markDone(
    id: string,
    r: { objectKey: string; sizeBytes: number; dossierCount: number; at: Date },
  ): Promise<void> {
    this.set(id, {
      status: 'done',
      objectKey: r.objectKey,
      sizeBytes: r.sizeBytes,
      dossierCount: r.dossierCount,
      completedAt: r.at,
    });
    this.completed.push(id);
  }
  async markFailed(id: string, error: string): Promise<void> {
    this.set(id, { status: 'failed', error });
  }
  private set(id: string, changes: Partial<ExportJob>): void {
    const job = this.byId.get(id);
    if (job) Object.assign(job, changes);
  }
}

export class InMemoryExportQueue extends ExportQueue {
  readonly jobIds: string[] = [];
  async enqueue(exportId: string): Promise<void> {
    if (!this.jobIds.includes(exportId)) this.jobIds.push(exportId);
  }
}

export class InMemoryExportFiles extends ExportFiles {
  readonly objects = new Map<string, string>();
  failUploads = false;
  async upload(key: string, body: Readable): Promise<{ sizeBytes: number }> {
    if (this.failUploads) throw new Error('S3 unavailable');
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(Buffer.from(chunk as string));
    const content = Buffer.concat(chunks);
    this.objects.set(key, content.toString('utf8'));
    return { sizeBytes: content.length };
  }
  async downloadUrl(key: string, filename: string): Promise<string> {
    return `https://s3.test/${key}?filename=${filename}&signed=1`;
  }
}
