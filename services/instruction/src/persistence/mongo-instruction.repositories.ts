import { isDuplicateKeyError } from '@demarches/platform-mongo';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { DossierInstruction, EtatDossier } from '../domain/dossier-instruction';
import {
  DossierInstructionRepository,
  GroupeInstructeurView,
  GroupeRepository,
} from './instruction.repositories';
import {
  DOSSIER_INSTRUCTION_COLLECTION,
  DossierInstructionDocument,
  GROUPE_COLLECTION,
  GroupeDocument,
} from './instruction.schemas';

@Injectable()
export class MongoGroupeRepository extends GroupeRepository {
  constructor(@InjectModel(GROUPE_COLLECTION) private readonly model: Model<GroupeDocument>) {
    super();
  }

  async replaceForDemarche(_demarcheId: string, groupes: GroupeInstructeurView[]): Promise<void> {
    for (const { groupeId, ...fields } of groupes) {
      try {
        // Only a newer snapshot replaces the groupe; an older or replayed one hits the duplicate _id and stops.
        await this.model.updateOne(
          { _id: groupeId, sourceVersion: { $lt: fields.sourceVersion } },
          { $set: fields },
          { upsert: true },
        );
      } catch (error: unknown) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
  }

  async groupeIdsOf(instructeurEmail: string): Promise<string[]> {
    const docs = await this.model
      .find({ instructeurs: instructeurEmail }, { _id: 1 })
      .lean<{ _id: string }[]>();
    return docs.map((doc) => doc._id);
  }

  async isMember(groupeId: string, instructeurEmail: string): Promise<boolean> {
    return (await this.model.exists({ _id: groupeId, instructeurs: instructeurEmail })) !== null;
  }
}

@Injectable()
export class MongoDossierInstructionRepository extends DossierInstructionRepository {
  constructor(
    @InjectModel(DOSSIER_INSTRUCTION_COLLECTION) private readonly model: Model<DossierInstructionDocument>,
  ) {
    super();
  }

  async upsertIfNewer(row: DossierInstruction): Promise<boolean> {
    const { dossierId, followers: _followers, archived: _archived, ...fields } = row;
    try {
      const result = await this.model.updateOne(
        { _id: dossierId, dossierVersion: { $lt: row.dossierVersion } },
        // Follows and archive flags belong to instruction: a dossier event never resets them.
        { $set: fields, $setOnInsert: { followers: [], archived: false } },
        { upsert: true },
      );
      return result.modifiedCount + result.upsertedCount > 0;
    } catch (error: unknown) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  async updateStateIfNewer(
    dossierId: string,
    state: EtatDossier,
    version: number,
    at: Date,
  ): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: dossierId, dossierVersion: { $lt: version } },
      { $set: { state, dossierVersion: version, updatedAt: at } },
    );
    return result.modifiedCount > 0;
  }

  async updateGroupeIfNewer(
    dossierId: string,
    groupeInstructeurId: string,
    version: number,
    at: Date,
  ): Promise<boolean> {
    // Never an upsert: a brouillon's updates come before its dépôt, which creates the row.
    const result = await this.model.updateOne(
      { _id: dossierId, dossierVersion: { $lt: version } },
      { $set: { groupeInstructeurId, dossierVersion: version, updatedAt: at } },
    );
    return result.modifiedCount > 0;
  }

  async findById(dossierId: string): Promise<DossierInstruction | null> {
    const doc = await this.model.findById(dossierId).lean<DossierInstructionDocument>();
    return doc ? toRow(doc) : null;
  }

  async listForGroupes(groupeIds: string[]): Promise<DossierInstruction[]> {
    const docs = await this.model
      .find({ groupeInstructeurId: { $in: groupeIds } })
      .sort({ number: -1 })
      .limit(1_000)
      .lean<DossierInstructionDocument[]>();
    return docs.map(toRow);
  }

  async addFollower(dossierId: string, email: string): Promise<void> {
    await this.model.updateOne({ _id: dossierId }, { $addToSet: { followers: email } });
  }
}

function toRow(doc: DossierInstructionDocument): DossierInstruction {
  const { _id, ...fields } = doc;
  // An upsert's empty `followers: []` is not always stored (mongoose drops it from $setOnInsert); absent = none.
  return { dossierId: _id, ...fields, followers: fields.followers ?? [], archived: fields.archived ?? false };
}
