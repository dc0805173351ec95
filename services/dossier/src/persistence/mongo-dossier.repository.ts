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
import { echeancesDuDossier } from '../echeances/domain/conservation';
import { champsFromStorage, champsToStorage } from './champs-storage';
import { DOSSIER_COLLECTION, DossierDocument } from './dossier.schema';
import { DossierListFilter, DossierPage, DossierRepository } from './dossier.repository';
import { REVISION_COLLECTION, RevisionDocument } from './revision.schema';

/** The retention fields of the document (see dossier.schema.ts), computed on each write, never in the entity. */
type Echeances = Pick<DossierDocument, 'expiresAt' | 'expirationNoticeAt' | 'conservationMois'>;

@Injectable()
export class MongoDossierRepository
  extends VersionedRepository<Dossier, DossierDocument>
  implements DossierRepository
{
  protected readonly aggregateName = 'Dossier';

  constructor(
    @InjectModel(DOSSIER_COLLECTION) model: Model<DossierDocument>,
    @InjectConnection() private readonly connection: Connection,
    @InjectModel(REVISION_COLLECTION) private readonly revisions: Model<RevisionDocument>,
  ) {
    super(model);
  }

  /** The due dates each write stores, keyed by the object handed to insert/replace (read by toDocument). */
  private readonly echeances = new WeakMap<Dossier, Echeances>();

  nextNumber(): Promise<number> {
    return nextSequenceValue(this.connection, 'dossier');
  }

  async create(dossier: Dossier, events: OutboxEvent[]): Promise<Dossier> {
    return { ...dossier, version: await this.insert(await this.avecEcheances(dossier), events) };
  }

  async save(dossier: Dossier, events: OutboxEvent[]): Promise<Dossier> {
    const written = await this.avecEcheances(dossier);
    return { ...dossier, version: await this.replace(written, dossier.version, events) };
  }

  /** A copy of the dossier to write, with its retention due dates for the démarche's current durée. */
  private async avecEcheances(dossier: Dossier): Promise<Dossier> {
    const revision = await this.revisions
      .findById(dossier.demarcheId, { dureeConservationMois: 1 })
      .lean<Pick<RevisionDocument, 'dureeConservationMois'> | null>();
    const duree = revision?.dureeConservationMois ?? 0;
    const written = { ...dossier };
    this.echeances.set(written, { ...echeancesDuDossier(dossier, duree), conservationMois: duree });
    return written;
  }

  async load(id: string): Promise<Dossier | null> {
    return (await this.findById(id)) ?? null;
  }

  async findByNumber(number: number): Promise<Dossier | null> {
    const doc = await this.model
      .findOne({ number }, { outbox: 0 })
      .lean<StoredDocument<DossierDocument> | null>();
    return doc ? this.toEntity(doc) : null;
  }

  async listForUsager(sub: string): Promise<Dossier[]> {
    const docs = await this.model
      .find({ 'usager.sub': sub, deletedAt: null }, { outbox: 0 })
      .sort({ number: -1 })
      .lean<StoredDocument<DossierDocument>[]>();
    return docs.map((doc) => this.toEntity(doc));
  }

  async page(filter: DossierListFilter, page: { offset: number; limit: number }): Promise<DossierPage> {
    const query =
      'proprietaireSub' in filter
        ? { 'usager.sub': filter.proprietaireSub, deletedAt: null }
        : { 'invites.email': filter.inviteEmail.toLowerCase(), deletedAt: null };
    const [docs, total] = await Promise.all([
      this.model
        .find(query, { outbox: 0 })
        .sort({ updatedAt: -1, number: -1 })
        .skip(page.offset)
        .limit(page.limit)
        .lean<StoredDocument<DossierDocument>[]>(),
      this.model.countDocuments(query),
    ]);
    return { dossiers: docs.map((doc) => this.toEntity(doc)), total };
  }

  async listTestDossiers(demarcheId: string): Promise<Dossier[]> {
    const docs = await this.model
      .find({ demarcheId, test: true, deletedAt: null }, { outbox: 0 })
      .lean<StoredDocument<DossierDocument>[]>();
    return docs.map((doc) => this.toEntity(doc));
  }

  async listHorsGroupes(demarcheId: string, groupeIds: string[]): Promise<Dossier[]> {
    const docs = await this.model
      .find({ demarcheId, deletedAt: null, groupeInstructeurId: { $nin: groupeIds } }, { outbox: 0 })
      .lean<StoredDocument<DossierDocument>[]>();
    return docs.map((doc) => this.toEntity(doc));
  }

  protected toEntity(doc: StoredDocument<DossierDocument>): Dossier {
    const {
      _id,
      expiresAt: _expiresAt,
      expirationNoticeAt: _expirationNoticeAt,
      conservationMois: _conservationMois,
      ...fields
    } = doc;
    // Documents written before a field existed get its neutral value.
    return {
      id: _id,
      ...fields,
      champs: champsFromStorage(fields.champs),
      test: fields.test ?? false,
      demandeur: fields.demandeur ?? null,
      invites: fields.invites ?? [],
      deletedAt: fields.deletedAt ?? null,
      deletionReason: fields.deletionReason ?? null,
    };
  }

  protected toDocument(dossier: Dossier): DocumentFields<DossierDocument> {
    const { id, version: _version, ...fields } = dossier;
    // Champ values without nested arrays (FerretDB): see champs-storage.ts.
    return {
      _id: id,
      ...fields,
      champs: champsToStorage(fields.champs) as DossierDocument['champs'],
      ...this.echeances.get(dossier),
    };
  }
}
