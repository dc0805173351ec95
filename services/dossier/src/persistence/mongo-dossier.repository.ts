import {
  type DocumentFields,
  nextSequenceValue,
  type OutboxEvent,
  type StoredDocument,
  VersionedRepository,
} from '@demarches/platform-mongo';
import { Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import type { Connection, Model } from 'mongoose';
import { Dossier } from '../domain/dossier';
import { DOSSIER_COLLECTION, DossierDocument } from './dossier.schema';
import { DossierRepository } from './dossier.repository';

@Injectable()
export class MongoDossierRepository
  extends VersionedRepository<Dossier, DossierDocument>
  implements DossierRepository
{
  protected readonly aggregateName = 'Dossier';

  constructor(
    @InjectModel(DOSSIER_COLLECTION) model: Model<DossierDocument>,
    @InjectConnection() private readonly connection: Connection,
  ) {
    super(model);
  }

  nextNumber(): Promise<number> {
    return nextSequenceValue(this.connection, 'dossier');
  }

  async create(dossier: Dossier, events: OutboxEvent[]): Promise<Dossier> {
    return { ...dossier, version: await this.insert(dossier, events) };
  }

  async save(dossier: Dossier, events: OutboxEvent[]): Promise<Dossier> {
    return { ...dossier, version: await this.replace(dossier, dossier.version, events) };
  }

  async load(id: string): Promise<Dossier | null> {
    return (await this.findById(id)) ?? null;
  }

  async listForUsager(sub: string): Promise<Dossier[]> {
    const docs = await this.model
      .find({ 'usager.sub': sub }, { outbox: 0 })
      .sort({ number: -1 })
      .lean<StoredDocument<DossierDocument>[]>();
    return docs.map((doc) => this.toEntity(doc));
  }

  protected toEntity(doc: StoredDocument<DossierDocument>): Dossier {
    const { _id, ...fields } = doc;
    return { id: _id, ...fields, champs: fields.champs ?? {} };
  }

  protected toDocument(dossier: Dossier): DocumentFields<DossierDocument> {
    const { id, version: _version, ...fields } = dossier;
    return { _id: id, ...fields };
  }
}
