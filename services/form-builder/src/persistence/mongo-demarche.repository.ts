import {
  type DocumentFields,
  nextSequenceValue,
  type OutboxEvent,
  type StoredDocument,
  VersionedRepository,
} from '@demarches/platform-mongo';
import { Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import type { Connection, FilterQuery, Model } from 'mongoose';
import type { Condition } from '@demarches/formulaire';
import { ChampDescriptor, Demarche, DUREE_CONSERVATION_DEFAUT } from '../domain/demarche';
import { normaliserGroupes } from '../domain/groupes';
import { TypeDeChamp } from '../domain/type-de-champ';
import { CataloguePage, DemarcheRepository } from './demarche.repository';
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

  async create(demarche: Demarche, events: OutboxEvent[] = []): Promise<Demarche> {
    return { ...demarche, version: await this.insert(demarche, events) };
  }

  async save(demarche: Demarche, events: OutboxEvent[] = []): Promise<Demarche> {
    return { ...demarche, version: await this.replace(demarche, demarche.version, events) };
  }

  async load(id: string): Promise<Demarche | null> {
    const demarche = await this.findById(id);
    return demarche && !demarche.deletedAt ? demarche : null;
  }

  async findPublishedBySlug(slug: string): Promise<Demarche | null> {
    const doc = await this.model
      .findOne({ slug, state: 'publiee', deletedAt: null }, { outbox: 0 })
      .lean<StoredDocument<DemarcheDocument>>();
    return doc ? this.toEntity(doc) : null;
  }

  async findBySlug(slug: string): Promise<Demarche[]> {
    return this.findMany({ slug, deletedAt: null });
  }

  async listForAdministrateur(email: string): Promise<Demarche[]> {
    return this.findMany({ administrateurs: email, deletedAt: null }, { number: -1 });
  }

  async catalogue(query: string, page: number, perPage: number): Promise<CataloguePage> {
    const filter: FilterQuery<DemarcheDocument> = { state: 'publiee', deletedAt: null };
    const words = query.trim();
    if (words) {
      const pattern = new RegExp(words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
      filter.$or = [{ title: pattern }, { description: pattern }, { 'service.organisme': pattern }];
    }
    const [docs, total] = await Promise.all([
      this.model
        .find(filter, { outbox: 0 })
        .sort({ number: -1 })
        .skip((page - 1) * perPage)
        .limit(perPage)
        .lean<StoredDocument<DemarcheDocument>[]>(),
      this.model.countDocuments(filter),
    ]);
    return { demarches: docs.map((doc) => this.toEntity(doc)), total };
  }

  async dueForClosing(now: Date, limit: number): Promise<Demarche[]> {
    const docs = await this.model
      .find({ state: 'publiee', deletedAt: null, dateLimiteDepot: { $ne: null, $lte: now } }, { outbox: 0 })
      .sort({ dateLimiteDepot: 1 })
      .limit(limit)
      .lean<StoredDocument<DemarcheDocument>[]>();
    return docs.map((doc) => this.toEntity(doc));
  }

  async sharesObject(key: string, exceptId: string): Promise<boolean> {
    const count = await this.model.countDocuments(
      {
        _id: { $ne: exceptId },
        $or: [
          { 'logo.key': key },
          { 'notice.key': key },
          { 'cadreJuridique.document.key': key },
          { 'attestation.logoKey': key },
          { 'attestation.signatureKey': key },
        ],
      },
      { limit: 1 },
    );
    return count > 0;
  }

  private async findMany(
    filter: FilterQuery<DemarcheDocument>,
    sort: Record<string, 1 | -1> = { number: 1 },
  ): Promise<Demarche[]> {
    const docs = await this.model
      .find(filter, { outbox: 0 })
      .sort(sort)
      .lean<StoredDocument<DemarcheDocument>[]>();
    return docs.map((doc) => this.toEntity(doc));
  }

  protected toEntity(doc: StoredDocument<DemarcheDocument>): Demarche {
    const { _id, ...fields } = doc;
    // Children of a bloc répétable are champs too, one level down.
    const typed = (champs: StoredDocument<DemarcheDocument>['champs'] = []): ChampDescriptor[] =>
      champs.map(({ children, ...champ }) => ({
        ...champ,
        type: champ.type as TypeDeChamp,
        condition: (champ.condition ?? null) as Condition | null,
        ...(children ? { children: typed(children) } : {}),
      }));
    // Démarches stored before annotations, mail templates, the description or revisions existed get defaults.
    const champs = typed(fields.champs);
    const annotations = typed(fields.annotations);
    const legacyPublished = fields.state !== 'brouillon' && !fields.revisionPubliee;
    return {
      id: _id,
      ...fields,
      champs,
      annotations,
      mailTemplates: fields.mailTemplates ?? [],
      // Groupes stored before routing existed: the « défaut » one is the default, none closed, no rule.
      groupesInstructeurs: normaliserGroupes(
        fields.groupesInstructeurs as Parameters<typeof normaliserGroupes>[0],
      ),
      routingChampId: fields.routingChampId ?? null,
      attestation: fields.attestation ?? null,
      logo: fields.logo ?? null,
      notice: fields.notice ?? null,
      cadreJuridique: {
        texte: fields.cadreJuridique?.texte ?? '',
        url: fields.cadreJuridique?.url ?? null,
        document: fields.cadreJuridique?.document ?? null,
      },
      dureeConservationMois: fields.dureeConservationMois ?? DUREE_CONSERVATION_DEFAUT,
      publicCible: fields.publicCible ?? 'particulier',
      dateLimiteDepot: fields.dateLimiteDepot ?? null,
      modeDeclaratif: fields.modeDeclaratif ?? 'aucun',
      service: fields.service ?? null,
      lienDiffusion: fields.lienDiffusion ?? null,
      webhookUrl: fields.webhookUrl ?? null,
      monAvis: fields.monAvis ?? null,
      revisionNumber: fields.revisionNumber ?? (legacyPublished ? 1 : 0),
      revisionPubliee: fields.revisionPubliee
        ? {
            ...fields.revisionPubliee,
            champs: typed(fields.revisionPubliee.champs),
            annotations: typed(fields.revisionPubliee.annotations),
          }
        : legacyPublished
          ? {
              id: fields.revisionId,
              number: 1,
              champs,
              annotations,
              publishedAt: fields.publishedAt ?? fields.createdAt,
            }
          : null,
      closedAt: fields.closedAt ?? null,
      unpublishedAt: fields.unpublishedAt ?? null,
      replacedBy: fields.replacedBy ?? null,
      clonedFrom: fields.clonedFrom ?? null,
      deletedAt: fields.deletedAt ?? null,
    };
  }

  protected toDocument(demarche: Demarche): DocumentFields<DemarcheDocument> {
    const { id, version: _version, ...fields } = demarche;
    return { _id: id, ...fields };
  }
}
