import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Schema } from 'mongoose';
import { applyIfNewer } from '@demarches/platform-mongo';
import { DossierAccess, DossierAccessKind, DossierAccessRepository } from './dossier-access.repository';

export interface DossierAccessDocument {
  /** `<kind>:<dossier id>:<e-mail>` */
  _id: string;
  kind: DossierAccessKind;
  dossierId: string;
  demarcheId: string;
  email: string;
  active: boolean;
  version: number;
}

export const DOSSIER_ACCESS_COLLECTION = 'dossier_access';

export const DossierAccessSchema = new Schema<DossierAccessDocument>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    dossierId: { type: String, required: true },
    demarcheId: { type: String, default: '' },
    email: { type: String, required: true, index: true },
    active: { type: Boolean, required: true },
    version: { type: Number, required: true },
  },
  { collection: DOSSIER_ACCESS_COLLECTION, versionKey: false },
);

@Injectable()
export class MongoDossierAccessRepository extends DossierAccessRepository {
  constructor(@InjectModel(DOSSIER_ACCESS_COLLECTION) private readonly docs: Model<DossierAccessDocument>) {
    super();
  }

  async set(access: DossierAccess, active: boolean, version: number): Promise<boolean> {
    const set: Partial<Omit<DossierAccessDocument, '_id' | 'version'>> = {
      kind: access.kind,
      dossierId: access.dossierId,
      email: access.email,
      active,
    };
    // A removal event may not name the démarche: keep the one the grant recorded.
    if (access.demarcheId) set.demarcheId = access.demarcheId;
    return applyIfNewer(this.docs, `${access.kind}:${access.dossierId}:${access.email}`, version, set, {
      upsert: true,
    });
  }

  async activeOf(email: string, kind?: DossierAccessKind): Promise<DossierAccess[]> {
    const docs = await this.docs
      .find({ email, active: true, ...(kind ? { kind } : {}) })
      .sort({ _id: 1 })
      .lean<DossierAccessDocument[]>()
      .exec();
    return docs.map(({ kind: k, dossierId, demarcheId, email: e }) => ({
      kind: k,
      dossierId,
      demarcheId,
      email: e,
    }));
  }
}
