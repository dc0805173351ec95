import { Injectable } from '@nestjs/common';
import { deposer, Dossier } from '../../domain/dossier';
import { DossierRepository } from '../../persistence/dossier.repository';
import { RevisionRepository } from '../../persistence/revision.repository';
import { Clock } from '../clock';
import { dossierDeposited, dossierStateChanged } from '../dossier-events';
import { assertVersion, loadForOperation, loadRevision } from '../load';

/**
 * Brouillon → en construction, routed to its groupe instructeur. Only the owner deposits (an invité never does).
 * On a déclaratif démarche the dossier goes on, as the system, en instruction or accepté in the same write: the
 * DossierDeposited event carries the state reached, and a DossierStateChanged (no instructeur) tells the move.
 */
@Injectable()
export class DeposerDossierUseCase {
  constructor(
    private readonly dossiers: DossierRepository,
    private readonly revisions: RevisionRepository,
    private readonly clock: Clock,
  ) {}

  async execute(
    dossierId: string,
    usager: { sub: string; email: string },
    expectedVersion?: number,
  ): Promise<Dossier> {
    const dossier = await loadForOperation(this.dossiers, dossierId, usager, 'deposer');
    assertVersion(dossier, expectedVersion);
    const revision = await loadRevision(this.revisions, dossier.demarcheId);
    const depose = deposer(dossier, revision, usager.email, this.clock.now());
    const events = [dossierDeposited(depose, revision)];
    if (depose.state !== 'en_construction') {
      events.push(dossierStateChanged({ ...depose, state: 'en_construction' }, depose, revision, undefined));
    }
    return this.dossiers.save(depose, events);
  }
}
