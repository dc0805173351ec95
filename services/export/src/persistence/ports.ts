import { Readable } from 'node:stream';
import { DemarcheAccess } from '../domain/demarche-access';
import { ChampCell, DossierRecord } from '../domain/dossier-record';
import { ExportJob } from '../domain/export-job';

export interface DossierFilter {
  demarcheId: string;
  /** null: every groupe. */
  groupeIds: string[] | null;
}

export abstract class DossierRecords {
  /** Applies `changes` when the stored version is older than `version` (or creates the record for a dépôt). */
  abstract upsert(record: DossierRecord): Promise<void>;
  abstract update(dossierId: string, version: number, changes: Partial<DossierRecord>): Promise<void>;
  abstract remove(dossierId: string): Promise<void>;
  /** The champ ids and labels of every matching dossier, for the CSV header (a small projection). */
  abstract champLists(filter: DossierFilter): AsyncIterable<Array<Pick<ChampCell, 'champId' | 'label'>>>;
  /** Matching dossiers by number, read through a cursor so large démarches do not sit in memory. */
  abstract stream(filter: DossierFilter): AsyncIterable<DossierRecord>;
}

export abstract class DemarcheAccesses {
  abstract save(access: DemarcheAccess): Promise<void>;
  abstract find(demarcheId: string): Promise<DemarcheAccess | null>;
}

export abstract class ExportJobs {
  abstract create(job: ExportJob): Promise<void>;
  abstract find(id: string): Promise<ExportJob | null>;
  /** A pending or running export of the same démarche and format by the same person, to reuse instead of a twin. */
  abstract findInProgress(
    demarcheId: string,
    format: string,
    requestedBySub: string,
  ): Promise<ExportJob | null>;
  abstract markRunning(id: string): Promise<void>;
  /** Marks it done and records ExportCompleted in the same write (outbox). */
  abstract markDone(
    id: string,
    result: { objectKey: string; sizeBytes: number; dossierCount: number; at: Date },
  ): Promise<void>;
  abstract markFailed(id: string, error: string): Promise<void>;
}

export abstract class ExportQueue {
  abstract enqueue(exportId: string): Promise<void>;
}

export abstract class ExportFiles {
  /** Streams `body` to the object store; resolves with the stored size. */
  abstract upload(key: string, body: Readable, contentType: string): Promise<{ sizeBytes: number }>;
  abstract downloadUrl(key: string, filename: string): Promise<string>;
}
