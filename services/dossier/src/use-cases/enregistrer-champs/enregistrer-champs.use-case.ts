import { Injectable } from '@nestjs/common';
import { ChampValue } from '../../domain/champ-validation';
import { Dossier, enregistrerChamps } from '../../domain/dossier';
import { DossierErrorCode, DossierException } from '../../dossier.exception';
import { DossierRepository } from '../../persistence/dossier.repository';
import { RevisionRepository } from '../../persistence/revision.repository';
import { Clock } from '../clock';
import { dossierUpdated } from '../dossier-events';
import { loadOwnDossier, loadRevision } from '../load';

export interface EnregistrerChampsInput {
  values: Record<string, ChampValue>;
  /** The version the usager edited; a newer stored version means someone changed the dossier meanwhile. */
  expectedVersion?: number;
}

@Injectable()
export class EnregistrerChampsUseCase {
  constructor(
    private readonly dossiers: DossierRepository,
    private readonly revisions: RevisionRepository,
    private readonly clock: Clock,
  ) {}

  async execute(
    dossierId: string,
    usager: { sub: string; email: string },
    input: EnregistrerChampsInput,
  ): Promise<Dossier> {
    const dossier = await loadOwnDossier(this.dossiers, dossierId, usager.sub);
    if (input.expectedVersion !== undefined && input.expectedVersion !== dossier.version) {
      throw new DossierException(
        DossierErrorCode.DOSSIER_STALE,
        'conflict',
        'Le dossier a été modifié entre-temps : rechargez-le avant d’enregistrer.',
        { expectedVersion: input.expectedVersion, version: dossier.version },
      );
    }
    const revision = await loadRevision(this.revisions, dossier.demarcheId);
    const updated = enregistrerChamps(dossier, revision, input.values, usager.email, this.clock.now());
    return this.dossiers.save(updated, [dossierUpdated(updated, revision, Object.keys(input.values))]);
  }
}
