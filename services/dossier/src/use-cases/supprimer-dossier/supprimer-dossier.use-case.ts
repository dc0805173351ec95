import { Injectable } from '@nestjs/common';
import { Dossier, supprimer } from '../../domain/dossier';
import { DossierRepository } from '../../persistence/dossier.repository';
import { Clock } from '../clock';
import { dossierDeleted } from '../dossier-events';
import { assertVersion, loadForOperation } from '../load';

/** The owner deletes a brouillon or a dossier en construction (never an invité, never once en instruction). */
@Injectable()
export class SupprimerDossierUseCase {
  constructor(
    private readonly dossiers: DossierRepository,
    private readonly clock: Clock,
  ) {}

  async execute(
    dossierId: string,
    usager: { sub: string; email: string },
    expectedVersion?: number,
  ): Promise<Dossier> {
    const dossier = await loadForOperation(this.dossiers, dossierId, usager, 'supprimer');
    assertVersion(dossier, expectedVersion);
    const deleted = supprimer(dossier, 'usager', usager.email, this.clock.now());
    return this.dossiers.save(deleted, [dossierDeleted(deleted)]);
  }
}
