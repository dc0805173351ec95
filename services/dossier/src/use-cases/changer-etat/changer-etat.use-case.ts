import { Injectable } from '@nestjs/common';
import { appliquerAction, Dossier } from '../../domain/dossier';
import { ActionInstructeur, autoriser } from '../../domain/dossier-state';
import { DossierErrorCode, DossierException } from '../../dossier.exception';
import { DossierRepository } from '../../persistence/dossier.repository';
import { RevisionRepository } from '../../persistence/revision.repository';
import { Clock } from '../clock';
import { dossierStateChanged } from '../dossier-events';
import { loadDossier, loadRevision } from '../load';

export interface ChangerEtatCommand {
  dossierId: string;
  action: ActionInstructeur;
  instructeurEmail: string;
  motivation?: string;
  expectedVersion?: number;
}

/**
 * An instructeur's decision, asked by instruction over Kafka request-reply: dossier stays the only writer of
 * state. instruction has already checked the instructeur belongs to the dossier's groupe; the brouillon check
 * below still keeps drafts out of reach (instructeurs never see brouillons).
 */
@Injectable()
export class ChangerEtatUseCase {
  constructor(
    private readonly dossiers: DossierRepository,
    private readonly revisions: RevisionRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: ChangerEtatCommand): Promise<Dossier> {
    const dossier = await loadDossier(this.dossiers, command.dossierId);
    // Instructeurs never see brouillons: the same answer as for a dossier that does not exist.
    autoriser('instructeur', command.action, dossier.state, dossier.id);
    if (command.expectedVersion !== undefined && command.expectedVersion !== dossier.version) {
      throw new DossierException(
        DossierErrorCode.DOSSIER_STALE,
        'conflict',
        'Le dossier a changé depuis votre dernière lecture : rechargez-le puis recommencez.',
        { expectedVersion: command.expectedVersion, version: dossier.version },
      );
    }
    const revision = await loadRevision(this.revisions, dossier.demarcheId);
    const after = appliquerAction(
      dossier,
      command.action,
      command.instructeurEmail,
      command.motivation,
      this.clock.now(),
    );
    return this.dossiers.save(after, [
      dossierStateChanged(dossier, after, revision, command.instructeurEmail),
    ]);
  }
}
