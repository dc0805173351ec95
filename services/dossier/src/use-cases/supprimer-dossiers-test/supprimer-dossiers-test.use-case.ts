import { Injectable } from '@nestjs/common';
import { supprimer } from '../../domain/dossier';
import { DossierRepository } from '../../persistence/dossier.repository';
import { Clock } from '../clock';
import { dossierDeleted } from '../dossier-events';

/**
 * Test dossiers (started from the test link of a démarche en test) are deleted by the administration when the
 * démarche is really published or deleted. Idempotent: a replayed event finds none left.
 */
@Injectable()
export class SupprimerDossiersTestUseCase {
  constructor(
    private readonly dossiers: DossierRepository,
    private readonly clock: Clock,
  ) {}

  async execute(demarcheId: string): Promise<number> {
    const tests = await this.dossiers.listTestDossiers(demarcheId);
    for (const dossier of tests) {
      const deleted = supprimer(dossier, 'administration', 'administration', this.clock.now());
      await this.dossiers.save(deleted, [dossierDeleted(deleted)]);
    }
    return tests.length;
  }
}
