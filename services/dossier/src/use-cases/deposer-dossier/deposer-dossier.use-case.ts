import { Injectable } from '@nestjs/common';
import { deposer, Dossier } from '../../domain/dossier';
import { DossierRepository } from '../../persistence/dossier.repository';
import { RevisionRepository } from '../../persistence/revision.repository';
import { Clock } from '../clock';
import { dossierDeposited } from '../dossier-events';
import { loadOwnDossier, loadRevision } from '../load';

/** Brouillon → en construction. Only the owner deposits (an invité never does; see the co-construction issue). */
@Injectable()
export class DeposerDossierUseCase {
  constructor(
    private readonly dossiers: DossierRepository,
    private readonly revisions: RevisionRepository,
    private readonly clock: Clock,
  ) {}

  async execute(dossierId: string, usager: { sub: string; email: string }): Promise<Dossier> {
    const dossier = await loadOwnDossier(this.dossiers, dossierId, usager.sub);
    const revision = await loadRevision(this.revisions, dossier.demarcheId);
    const depose = deposer(dossier, revision, usager.email, this.clock.now());
    return this.dossiers.save(depose, [dossierDeposited(depose, revision)]);
  }
}
