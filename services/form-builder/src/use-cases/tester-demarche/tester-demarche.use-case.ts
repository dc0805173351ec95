import { Injectable } from '@nestjs/common';
import { assertTestable } from '../../domain/cycle-de-vie';
import { Demarche } from '../../domain/demarche';
import { DemarcheRepository } from '../../persistence/demarche.repository';
import { demarcheEvents } from '../demarche-events';
import { loadOwnDemarche } from '../load-demarche';

/**
 * The test link of a démarche en test (seed §13: "test global … grâce au lien de test"): opening it sends the
 * draft as a DemarchePublished snapshot with en_test = true, so the dossier service can create test dossiers on
 * the current draft. The real publication sends en_test = false and the dossier service deletes the test dossiers.
 */
@Injectable()
export class TesterDemarcheUseCase {
  constructor(private readonly repository: DemarcheRepository) {}

  async execute(administrateur: string, demarcheId: string): Promise<Demarche> {
    const demarche = await loadOwnDemarche(this.repository, demarcheId, administrateur);
    assertTestable(demarche);
    // A save without change: it only bumps the version, so the snapshot's version is the newest one.
    return this.repository.save(demarche, [demarcheEvents.published(demarche, { enTest: true })]);
  }
}
