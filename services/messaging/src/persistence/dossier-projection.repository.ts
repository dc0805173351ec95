import { DossierState } from '@demarches/contracts';
import { applyIfNewer } from '@demarches/platform-mongo';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { DossierView } from '../domain/dossier-access';
import { DossierViews } from './ports';
import {
  DEMARCHE_PROJECTION_MODEL,
  DemarcheProjectionDocument,
  DOSSIER_PROJECTION_MODEL,
  DossierProjectionDocument,
} from './projection.schema';

export type DossierProjectionChanges = Partial<Omit<DossierProjectionDocument, '_id' | 'version'>>;

/** Both projections messaging keeps, and the access view assembled from them. */
@Injectable()
export class ProjectionRepository extends DossierViews {
  constructor(
    @InjectModel(DOSSIER_PROJECTION_MODEL) private readonly dossiers: Model<DossierProjectionDocument>,
    @InjectModel(DEMARCHE_PROJECTION_MODEL) private readonly demarches: Model<DemarcheProjectionDocument>,
  ) {
    super();
  }

  /** `create`: the event may start the projection (creation, dépôt); other events only update a known dossier. */
  applyDossier(
    dossierId: string,
    version: number,
    changes: DossierProjectionChanges,
    create: boolean,
  ): Promise<boolean> {
    return applyIfNewer(this.dossiers, dossierId, version, changes, { upsert: create });
  }

  async removeDossier(dossierId: string): Promise<void> {
    await this.dossiers.deleteOne({ _id: dossierId }).exec();
  }

  applyDemarche(
    demarcheId: string,
    version: number,
    groupes: DemarcheProjectionDocument['groupes'],
  ): Promise<boolean> {
    return applyIfNewer(this.demarches, demarcheId, version, { groupes }, { upsert: true });
  }

  async find(dossierId: string): Promise<DossierView | null> {
    const dossier = await this.dossiers.findById(dossierId).lean<DossierProjectionDocument>().exec();
    if (!dossier) return null;
    const demarche = await this.demarches
      .findById(dossier.demarcheId)
      .lean<DemarcheProjectionDocument>()
      .exec();
    const groupe = demarche?.groupes.find((g) => g.id === dossier.groupeInstructeurId);
    return {
      dossierId: dossier._id,
      demarcheId: dossier.demarcheId,
      state: dossier.state as DossierState,
      usagerSub: dossier.usagerSub,
      usagerEmail: dossier.usagerEmail,
      groupeInstructeurId: dossier.groupeInstructeurId,
      instructeurEmails: groupe?.instructeurEmails ?? [],
      archived: dossier.archived,
    };
  }
}
