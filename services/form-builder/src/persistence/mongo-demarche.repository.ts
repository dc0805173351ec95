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

@Injectable()
export class MongoDemarcheRepository
  extends VersionedRepository<Demarche, DemarcheDocument>
  implements DemarcheRepository
{
  protected readonly aggregateName = 'Demarche';

  constructor(
    @InjectModel(DEMARCHE_COLLECTION) model: Model<DemarcheDocument>,
    @InjectConnection() private readonly connection: Connection,
  ) {
    super(model);
  }

  nextNumber(): Promise<number> {
    return nextSequenceValue(this.connection, 'demarche');
  }

  async create(demarche: Demarche): Promise<Demarche> {
    return { ...demarche, version: await this.insert(demarche) };
  }

  async save(demarche: Demarche, events: OutboxEvent[] = []): Promise<Demarche> {
    return { ...demarche, version: await this.replace(demarche, demarche.version, events) };
  }

  async load(id: string): Promise<Demarche | null> {
    return (await this.findById(id)) ?? null;
  }

  async findPublishedBySlug(slug: string): Promise<Demarche | null> {
    const doc = await this.model
      .findOne({ slug, state: 'publiee' }, { outbox: 0 })
      .lean<StoredDocument<DemarcheDocument>>();
    return doc ? this.toEntity(doc) : null;
  }

  async listForAdministrateur(email: string): Promise<Demarche[]> {
    const docs = await this.model
      .find({ administrateurs: email }, { outbox: 0 })
      .sort({ number: -1 })
      .lean<StoredDocument<DemarcheDocument>[]>();
    return docs.map((doc) => this.toEntity(doc));
  }

  protected toEntity(doc: StoredDocument<DemarcheDocument>): Demarche {
    const { _id, ...fields } = doc;
    const typed = (champs: StoredDocument<DemarcheDocument>['champs'] = []) =>
      champs.map((champ) => ({ ...champ, type: champ.type as TypeDeChamp }));
    // Démarches stored before annotations or mail templates existed have none.
    return {
      id: _id,
      ...fields,
      champs: typed(fields.champs),
      annotations: typed(fields.annotations),
      mailTemplates: fields.mailTemplates ?? [],
    };
  }

  protected toDocument(demarche: Demarche): DocumentFields<DemarcheDocument> {
    const { id, version: _version, ...fields } = demarche;
    return { _id: id, ...fields };
  }
}
