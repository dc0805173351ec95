import { isDuplicateKeyError, withDocumentLock } from '@demarches/platform-mongo';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { RevisionPubliee } from '../../domain/revision';
import { DOSSIER_COLLECTION, DossierDocument } from '../../persistence/dossier.schema';
import { REVISION_COLLECTION, RevisionDocument } from '../../persistence/revision.schema';
import { Echeance, EcheancesRepository, Planification, TraceDossier } from './echeances.repository';
import {
  PLANIFICATION_DEMARCHE_COLLECTION,
  PlanificationDemarcheDocument,
} from './planification-demarche.schema';
import { TRACE_DOSSIER_COLLECTION, TraceDossierDocument } from './trace-dossier.schema';

@Injectable()
export class MongoEcheancesRepository extends EcheancesRepository {
  constructor(
    @InjectModel(DOSSIER_COLLECTION) private readonly dossiers: Model<DossierDocument>,
    @InjectModel(REVISION_COLLECTION) private readonly revisions: Model<RevisionDocument>,
    @InjectModel(TRACE_DOSSIER_COLLECTION) private readonly traces: Model<TraceDossierDocument>,
    @InjectModel(PLANIFICATION_DEMARCHE_COLLECTION)
    private readonly planifications: Model<PlanificationDemarcheDocument>,
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

  async revision(demarcheId: string): Promise<RevisionPubliee | null> {
    const doc = await this.revisions.findById(demarcheId).lean<RevisionDocument | null>();
    return doc ? toRevision(doc) : null;
  }

  async enConstruction(demarcheId: string, apres: string | null, limit: number): Promise<string[]> {
    const docs = await this.dossiers
      .find(
        {
          demarcheId,
          state: 'en_construction',
          deletedAt: null,
          ...(apres === null ? {} : { _id: { $gt: apres } }),
        },
        { _id: 1 },
      )
      .sort({ _id: 1 })
      .limit(limit)
      .lean<{ _id: string }[]>();
    return docs.map((doc) => doc._id);
  }

  async dus(echeance: Echeance, now: Date, limit: number, exclus: string[]): Promise<string[]> {
    const docs = await this.dossiers
      .find(
        {
          [echeance]: { $lte: now },
          deletedAt: null,
          ...(exclus.length > 0 ? { _id: { $nin: exclus } } : {}),
        },
        { _id: 1 },
      )
      .sort({ [echeance]: 1 })
      .limit(limit)
      .lean<{ _id: string }[]>();
    return docs.map((doc) => doc._id);
  }

  async aReplanifier(
    demarcheId: string,
    dureeMois: number,
    limit: number,
    exclus: string[],
  ): Promise<string[]> {
    const docs = await this.dossiers
      .find(
        {
          demarcheId,
          conservationMois: { $ne: dureeMois },
          deletedAt: null,
          ...(exclus.length > 0 ? { _id: { $nin: exclus } } : {}),
        },
        { _id: 1 },
      )
      .limit(limit)
      .lean<{ _id: string }[]>();
    return docs.map((doc) => doc._id);
  }

  async planifier(dossierId: string, version: number, planification: Planification): Promise<boolean> {
    // Under the same per-document lock as the versioned writes (FerretDB v1 applies a conditional update in steps).
    const result = await withDocumentLock(
      this.dossiers.db.name,
      this.dossiers.collection.name,
      dossierId,
      () => this.dossiers.updateOne({ _id: dossierId, version }, { $set: planification }).exec(),
    );
    return result.matchedCount > 0;
  }

  async planificationsDesDemarches(): Promise<Map<string, { conservationMois: number; verifieLe: Date }>> {
    const docs = await this.planifications.find().lean<PlanificationDemarcheDocument[]>();
    return new Map(docs.map(({ _id, ...fields }) => [_id, fields]));
  }

  async marquerDemarchePlanifiee(demarcheId: string, conservationMois: number, at: Date): Promise<void> {
    await this.planifications.updateOne(
      { _id: demarcheId },
      { $set: { conservationMois, verifieLe: at } },
      { upsert: true },
    );
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
