import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { PieceJointe } from '../domain/piece-jointe';
import { PieceJointeRepository } from './piece-jointe.repository';
import { PIECE_JOINTE_COLLECTION, PieceJointeDocument } from './piece-jointe.schema';

@Injectable()
export class MongoPieceJointeRepository extends PieceJointeRepository {
  constructor(@InjectModel(PIECE_JOINTE_COLLECTION) private readonly model: Model<PieceJointeDocument>) {
    super();
  }

  async insert(piece: PieceJointe): Promise<void> {
    await this.model.create(toDocument(piece));
  }

  async find(id: string): Promise<PieceJointe | null> {
    const doc = await this.model.findById(id).lean<PieceJointeDocument>();
    return doc ? toEntity(doc) : null;
  }

  async findMany(ids: string[]): Promise<PieceJointe[]> {
    if (ids.length === 0) return [];
    const docs = await this.model.find({ _id: { $in: ids } }).lean<PieceJointeDocument[]>();
    return docs.map(toEntity);
  }

  async ofDossier(dossierId: string): Promise<PieceJointe[]> {
    const docs = await this.model.find({ dossierId }).lean<PieceJointeDocument[]>();
    return docs.map(toEntity);
  }

  async save(piece: PieceJointe): Promise<void> {
    const { _id, ...fields } = toDocument(piece);
    await this.model.updateOne({ _id }, { $set: fields });
  }

  async remove(id: string): Promise<void> {
    await this.model.deleteOne({ _id: id });
  }

  async orphans(before: Date, limit: number): Promise<PieceJointe[]> {
    const docs = await this.model
      .find({
        $or: [{ statut: 'en_attente', createdAt: { $lt: before } }, { statut: 'retiree' }],
      })
      .limit(limit)
      .lean<PieceJointeDocument[]>();
    return docs.map(toEntity);
  }
}

function toDocument(piece: PieceJointe): PieceJointeDocument {
  const { id, ...fields } = piece;
  return { _id: id, ...fields };
}

function toEntity(doc: PieceJointeDocument): PieceJointe {
  const { _id, ...fields } = doc;
  return { id: _id, ...fields };
}
