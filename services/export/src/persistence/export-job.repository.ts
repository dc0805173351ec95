import { ExportFormat as ProtoExportFormat, Topics } from '@demarches/contracts';
import { outboxEvent } from '@demarches/platform-kafka';
import { DocumentFields, StoredDocument, VersionedRepository } from '@demarches/platform-mongo';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ExportJob } from '../domain/export-job';
import { EXPORT_JOB_MODEL, ExportJobDocument } from './export-job.schema';
import { ExportJobs } from './ports';

type VersionedJob = ExportJob & { version: number };

@Injectable()
export class ExportJobRepository extends VersionedRepository<VersionedJob, ExportJobDocument> {
  protected readonly aggregateName = 'Export';

  constructor(@InjectModel(EXPORT_JOB_MODEL) model: Model<ExportJobDocument>) {
    super(model);
  }

  protected toEntity(doc: StoredDocument<ExportJobDocument>): VersionedJob {
    const { _id, ...fields } = doc;
    return { id: _id, ...fields };
  }

  protected toDocument(entity: VersionedJob): DocumentFields<ExportJobDocument> {
    const { id, version: _version, ...fields } = entity;
    return { _id: id, ...fields };
  }

  async findInProgress(
    demarcheId: string,
    format: string,
    requestedBySub: string,
  ): Promise<VersionedJob | null> {
    const doc = await this.model
      .findOne({ demarcheId, format, requestedBySub, status: { $in: ['pending', 'running'] } }, { outbox: 0 })
      .lean<StoredDocument<ExportJobDocument>>()
      .exec();
    return doc ? this.toEntity(doc) : null;
  }
}

@Injectable()
export class MongoExportJobs extends ExportJobs {
  constructor(private readonly repository: ExportJobRepository) {
    super();
  }

  async create(job: ExportJob): Promise<void> {
    await this.repository.insert({ ...job, version: 1 });
  }

  async find(id: string): Promise<ExportJob | null> {
    return (await this.repository.findById(id)) ?? null;
  }

  findInProgress(demarcheId: string, format: string, requestedBySub: string): Promise<ExportJob | null> {
    return this.repository.findInProgress(demarcheId, format, requestedBySub);
  }

  async markRunning(id: string): Promise<void> {
    const job = await this.load(id);
    await this.repository.update(id, job.version, { status: 'running', error: null });
  }

  async markDone(
    id: string,
    result: { objectKey: string; sizeBytes: number; dossierCount: number; at: Date },
  ): Promise<void> {
    const job = await this.load(id);
    const event = outboxEvent(Topics.export, 'ExportCompleted', id, {
      exportId: id,
      demarcheId: job.demarcheId,
      format: ProtoExportFormat.CSV,
      requestedByEmail: job.requestedByEmail,
      objectKey: result.objectKey,
      sizeBytes: result.sizeBytes,
      dossierCount: result.dossierCount,
      completedAt: result.at,
    });
    await this.repository.update(
      id,
      job.version,
      {
        status: 'done',
        objectKey: result.objectKey,
        sizeBytes: result.sizeBytes,
        dossierCount: result.dossierCount,
        completedAt: result.at,
      },
      [event],
    );
  }

  async markFailed(id: string, error: string): Promise<void> {
    const job = await this.load(id);
    await this.repository.update(id, job.version, { status: 'failed', error });
  }

  private async load(id: string): Promise<VersionedJob> {
    const job = await this.repository.findById(id);
    if (!job) throw new Error(`export ${id} vanished`);
    return job;
  }
}
