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

class DossierStore extends VersionedRepository<Dossier, DossierDocument> {
  protected readonly aggregateName = 'Dossier';

  constructor(model: Model<DossierDocument>) {
    super(model);
  }

  protected toEntity(doc: StoredDocument<DossierDocument>): Dossier {
    const { _id, ...fields } = doc;
    return { id: _id, ...fields, champs: fields.champs ?? {} };
  }

  protected toDocument(dossier: Dossier): DocumentFields<DossierDocument> {
    const { id, version: _version, ...fields } = dossier;
    return { _id: id, ...fields };
  }

  fields(dossier: Dossier): DocumentFields<DossierDocument> {
    return this.toDocument(dossier);
  }

  entity(doc: StoredDocument<DossierDocument>): Dossier {
    return this.toEntity(doc);
  }
}

@Injectable()
export class MongoDossierRepository extends DossierRepository {
  private readonly store: DossierStore;

  constructor(
    @InjectModel(DOSSIER_COLLECTION) private readonly model: Model<DossierDocument>,
    @InjectConnection() private readonly connection: Connection,
  ) {
    super();
    this.store = new DossierStore(model);
  }

  nextNumber(): Promise<number> {
    return nextSequenceValue(this.connection, 'dossier');
  }

  async insert(dossier: Dossier, events: OutboxEvent[]): Promise<Dossier> {
    return { ...dossier, version: await this.store.insert(dossier, events) };
  }

  async save(dossier: Dossier, events: OutboxEvent[]): Promise<Dossier> {
    const { _id: _id, ...changes } = this.store.fields(dossier);
    return { ...dossier, version: await this.store.update(dossier.id, dossier.version, changes, events) };
  }

  async findById(id: string): Promise<Dossier | null> {
    return (await this.store.findById(id)) ?? null;
  }

  async listForUsager(sub: string): Promise<Dossier[]> {
    const docs = await this.model
      .find({ 'usager.sub': sub }, { outbox: 0 })
      .sort({ number: -1 })
      .lean<StoredDocument<DossierDocument>[]>();
    return docs.map((doc) => this.store.entity(doc));
  }
}
