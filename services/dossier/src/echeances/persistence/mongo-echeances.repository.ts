import { isDuplicateKeyError } from '@demarches/platform-mongo';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { RevisionPubliee } from '../../domain/revision';
import { DOSSIER_COLLECTION, DossierDocument } from '../../persistence/dossier.schema';
import { REVISION_COLLECTION, RevisionDocument } from '../../persistence/revision.schema';
import { EcheancesRepository, TraceDossier } from './echeances.repository';
import { TRACE_DOSSIER_COLLECTION, TraceDossierDocument } from './trace-dossier.schema';

@Injectable()
export class MongoEcheancesRepository extends EcheancesRepository {
  constructor(
    @InjectModel(DOSSIER_COLLECTION) private readonly dossiers: Model<DossierDocument>,
    @InjectModel(REVISION_COLLECTION) private readonly revisions: Model<RevisionDocument>,
    @InjectModel(TRACE_DOSSIER_COLLECTION) private readonly traces: Model<TraceDossierDocument>,
  ) {
    super();
  }

  async demarchesCloses(now: Date): Promise<RevisionPubliee[]> {
    const docs = await this.revisions
      .find({ dateLimite: { $ne: null, $lte: now } })
      .lean<RevisionDocument[]>();
    return docs.map(toRevision);
  }

  async demarchesAvecConservation(): Promise<RevisionPubliee[]> {
    const docs = await this.revisions.find({ dureeConservationMois: { $gt: 0 } }).lean<RevisionDocument[]>();
    return docs.map(toRevision);
  }

  async dossiersIds(demarcheId: string, states: string[]): Promise<string[]> {
    const docs = await this.dossiers
      .find({ demarcheId, state: { $in: states }, deletedAt: null }, { _id: 1 })
      .lean<{ _id: string }[]>();
    return docs.map((doc) => doc._id);
  }

  async enregistrerTrace(trace: TraceDossier): Promise<void> {
    const { dossierId, ...fields } = trace;
    try {
      await this.traces.create({ _id: dossierId, ...fields });
    } catch (error: unknown) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  async trace(dossierId: string): Promise<TraceDossier | null> {
    const doc = await this.traces.findById(dossierId).lean<TraceDossierDocument>();
    if (!doc) return null;
    const { _id, ...fields } = doc;
    return { dossierId: _id, ...fields };
  }

  async purgerTombesExpirees(): Promise<number> {
    const result = await this.dossiers.deleteMany({
      deletedAt: { $ne: null },
      deletionReason: 'expired',
      'outbox.0': { $exists: false },
    });
    return result.deletedCount;
  }
}

function toRevision(doc: RevisionDocument): RevisionPubliee {
  const { _id, ...fields } = doc;
  return { demarcheId: _id, ...fields };
}
