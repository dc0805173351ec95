import { DossierState } from '@demarches/contracts';
import { applyIfNewer } from '@demarches/platform-mongo';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model } from 'mongoose';
import { DemarcheAccess } from '../domain/demarche-access';
import { ChampCell, DossierRecord } from '../domain/dossier-record';
import { DemarcheAccesses, DossierFilter, DossierRecords } from './ports';
import {
  DEMARCHE_ACCESS_MODEL,
  DemarcheAccessDocument,
  DOSSIER_RECORD_MODEL,
  DossierRecordDocument,
} from './projection.schema';

// Cursor batches: big enough to be quick, small enough to keep memory flat on large démarches.
const BATCH_SIZE = 200;

@Injectable()
export class MongoDossierRecords extends DossierRecords {
  constructor(@InjectModel(DOSSIER_RECORD_MODEL) private readonly model: Model<DossierRecordDocument>) {
    super();
  }

  async upsert(record: DossierRecord): Promise<void> {
    const { dossierId, version, ...fields } = record;
    await applyIfNewer(this.model, dossierId, version, fields, { upsert: true });
  }

  async update(dossierId: string, version: number, changes: Partial<DossierRecord>): Promise<void> {
    const { dossierId: _id, version: _v, ...fields } = changes;
    await applyIfNewer(this.model, dossierId, version, fields, { upsert: false });
  }

  async remove(dossierId: string): Promise<void> {
    await this.model.deleteOne({ _id: dossierId }).exec();
  }

  async *champLists(filter: DossierFilter): AsyncIterable<Array<Pick<ChampCell, 'champId' | 'label'>>> {
    const cursor = this.model
      .find(toQuery(filter), { 'champs.champId': 1, 'champs.label': 1 })
      .sort({ number: 1 })
      .lean<Pick<DossierRecordDocument, 'champs'>>()
      .cursor({ batchSize: BATCH_SIZE });
    for await (const doc of cursor) yield doc.champs;
  }

  async *stream(filter: DossierFilter): AsyncIterable<DossierRecord> {
    const cursor = this.model
      .find(toQuery(filter))
      .sort({ number: 1 })
      .lean<DossierRecordDocument>()
      .cursor({ batchSize: BATCH_SIZE });
    for await (const doc of cursor) {
      const { _id, state, ...fields } = doc;
      yield { dossierId: _id, state: state as DossierState, ...fields };
    }
  }
}

function toQuery(filter: DossierFilter): FilterQuery<DossierRecordDocument> {
  return filter.groupeIds === null
    ? { demarcheId: filter.demarcheId }
    : { demarcheId: filter.demarcheId, groupeInstructeurId: { $in: filter.groupeIds } };
}

@Injectable()
export class MongoDemarcheAccesses extends DemarcheAccesses {
  constructor(@InjectModel(DEMARCHE_ACCESS_MODEL) private readonly model: Model<DemarcheAccessDocument>) {
    super();
  }

  async save(access: DemarcheAccess): Promise<void> {
    const { demarcheId, version, ...fields } = access;
    await applyIfNewer(this.model, demarcheId, version, fields, { upsert: true });
  }

  async find(demarcheId: string): Promise<DemarcheAccess | null> {
    const doc = await this.model.findById(demarcheId).lean<DemarcheAccessDocument>().exec();
    if (!doc) return null;
    const { _id, ...fields } = doc;
    return { demarcheId: _id, ...fields };
  }
}
