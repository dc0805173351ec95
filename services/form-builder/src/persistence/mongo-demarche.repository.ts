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
import { Demarche } from '../domain/demarche';
import { TypeDeChamp } from '../domain/type-de-champ';
import { DemarcheRepository } from './demarche.repository';
import { DEMARCHE_COLLECTION, DemarcheDocument } from './demarche.schema';

class DemarcheStore extends VersionedRepository<Demarche, DemarcheDocument> {
  protected readonly aggregateName = 'Demarche';

  constructor(model: Model<DemarcheDocument>) {
    super(model);
  }

  protected toEntity(doc: StoredDocument<DemarcheDocument>): Demarche {
    return {
      id: doc._id,
      number: doc.number,
      title: doc.title,
      description: doc.description,
      state: doc.state,
      slug: doc.slug,
      administrateurs: doc.administrateurs,
      champs: doc.champs.map((champ) => ({ ...champ, type: champ.type as TypeDeChamp })),
      groupesInstructeurs: doc.groupesInstructeurs,
      revisionId: doc.revisionId,
      publishedAt: doc.publishedAt,
      createdAt: doc.createdAt,
      version: doc.version,
    };
  }

  protected toDocument(demarche: Demarche): DocumentFields<DemarcheDocument> {
    const { id, version: _version, ...fields } = demarche;
    return { _id: id, ...fields };
  }

  fields(demarche: Demarche): DocumentFields<DemarcheDocument> {
    return this.toDocument(demarche);
  }

  entity(doc: StoredDocument<DemarcheDocument>): Demarche {
    return this.toEntity(doc);
  }
}

@Injectable()
export class MongoDemarcheRepository extends DemarcheRepository {
  private readonly store: DemarcheStore;

  constructor(
    @InjectModel(DEMARCHE_COLLECTION) private readonly model: Model<DemarcheDocument>,
    @InjectConnection() private readonly connection: Connection,
  ) {
    super();
    this.store = new DemarcheStore(model);
  }

  nextNumber(): Promise<number> {
    return nextSequenceValue(this.connection, 'demarche');
  }

  async insert(demarche: Demarche): Promise<Demarche> {
    return { ...demarche, version: await this.store.insert(demarche) };
  }

  async save(demarche: Demarche, events: OutboxEvent[] = []): Promise<Demarche> {
    const { _id: _id, ...changes } = this.store.fields(demarche);
    return { ...demarche, version: await this.store.update(demarche.id, demarche.version, changes, events) };
  }

  async findById(id: string): Promise<Demarche | null> {
    return (await this.store.findById(id)) ?? null;
  }

  async findPublishedBySlug(slug: string): Promise<Demarche | null> {
    const doc = await this.model
      .findOne({ slug, state: 'publiee' }, { outbox: 0 })
      .lean<StoredDocument<DemarcheDocument>>();
    return doc ? this.store.entity(doc) : null;
  }

  async listForAdministrateur(email: string): Promise<Demarche[]> {
    const docs = await this.model
      .find({ administrateurs: email }, { outbox: 0 })
      .sort({ number: -1 })
      .lean<StoredDocument<DemarcheDocument>[]>();
    return docs.map((doc) => this.store.entity(doc));
  }
}
