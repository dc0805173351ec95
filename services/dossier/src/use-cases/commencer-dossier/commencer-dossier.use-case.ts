import { Injectable } from '@nestjs/common';
import { creerDossier, Dossier, Usager } from '../../domain/dossier';
import { RevisionPubliee } from '../../domain/revision';
import { DossierErrorCode, DossierException } from '../../dossier.exception';
import { DossierRepository } from '../../persistence/dossier.repository';
import { RevisionRepository } from '../../persistence/revision.repository';
import { Clock } from '../clock';
import { dossierCreated } from '../dossier-events';

/** `/commencer/<slug>`: shows the published démarche and starts a brouillon for the signed-in usager. */
@Injectable()
export class CommencerDossierUseCase {
  constructor(
    private readonly revisions: RevisionRepository,
    private readonly dossiers: DossierRepository,
    private readonly clock: Clock,
  ) {}

  async demarche(slug: string): Promise<RevisionPubliee> {
    const revision = await this.revisions.findBySlug(slug.toLowerCase());
    if (!revision) {
      throw new DossierException(
        DossierErrorCode.DEMARCHE_NOT_FOUND,
        'not_found',
        "Aucune démarche publiée n'existe à cette adresse. Vérifiez le lien qui vous a été communiqué.",
        { slug },
      );
    }
    return revision;
  }

  async execute(slug: string, usager: Usager): Promise<Dossier> {
    const revision = await this.demarche(slug);
    const dossier = creerDossier(revision, usager, await this.dossiers.nextNumber(), this.clock.now());
    return this.dossiers.create(dossier, [dossierCreated(dossier, revision)]);
  }
}
