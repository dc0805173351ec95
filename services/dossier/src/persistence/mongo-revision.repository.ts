import { isDuplicateKeyError } from '@demarches/platform-mongo';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { RevisionPubliee } from '../domain/revision';
import { RevisionRepository } from './revision.repository';
import { REVISION_COLLECTION, RevisionDocument } from './revision.schema';

@Injectable()
export class MongoRevisionRepository extends RevisionRepository {
  constructor(@InjectModel(REVISION_COLLECTION) private readonly model: Model<RevisionDocument>) {
    super();
  }

  async upsertIfNewer(revision: RevisionPubliee): Promise<void> {
    const { demarcheId, ...fields } = revision;
    try {
      // Matches only an older snapshot; when none matches, the upsert inserts, or hits the duplicate _id of a
      // newer snapshot, which means there is nothing to do (a replayed or out-of-order event).
      await this.model.updateOne(
        { _id: demarcheId, sourceVersion: { $lt: revision.sourceVersion } },
        { $set: fields },
        { upsert: true },
      );
    } catch (error: unknown) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  async markClosed(demarcheId: string, sourceVersion: number): Promise<void> {
    await this.model.updateOne(
      { _id: demarcheId, sourceVersion: { $lt: sourceVersion } },
      { $set: { state: 'close', sourceVersion } },
    );
  }

  async markState(demarcheId: string, state: RevisionPubliee['state'], sourceVersion: number): Promise<void> {
    await this.model.updateOne(
      { _id: demarcheId, sourceVersion: { $lt: sourceVersion } },
      { $set: { state, sourceVersion } },
    );
  }

  async findBySlug(slug: string): Promise<RevisionPubliee | null> {
    // A slug can be reused once its older démarche is closed: the published one wins.
    const docs = await this.model.find({ slug }).lean<RevisionDocument[]>();
    const live = docs.filter((candidate) => candidate.state !== 'supprimee');
    const doc = live.find((candidate) => candidate.state === 'publiee') ?? live[0];
    return doc ? toRevision(doc) : null;
  }

  async findByDemarcheId(demarcheId: string): Promise<RevisionPubliee | null> {
    const doc = await this.model.findById(demarcheId).lean<RevisionDocument>();
    return doc ? toRevision(doc) : null;
  }
}

function toRevision(doc: RevisionDocument): RevisionPubliee {
  const { _id, ...fields } = doc;
  return { demarcheId: _id, ...fields };
}
