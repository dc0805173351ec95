import { Injectable } from '@nestjs/common';
import { supprimer } from '../../domain/cycle-de-vie';
import { DemarcheRepository } from '../../persistence/demarche.repository';
import { Clock } from '../clock';
import { demarcheEvents } from '../demarche-events';
import { loadOwnDemarche } from '../load-demarche';

/** Supprimer (seed §16): en test or close only, definitive; DemarcheDeleted (dossier drops its test dossiers). */
@Injectable()
export class SupprimerDemarcheUseCase {
  constructor(
    private readonly repository: DemarcheRepository,
    private readonly clock: Clock,
  ) {}

  async execute(administrateur: string, demarcheId: string): Promise<void> {
    const demarche = await loadOwnDemarche(this.repository, demarcheId, administrateur);
    const now = this.clock.now();
    const supprimee = supprimer(demarche, now);
    await this.repository.save(supprimee, [demarcheEvents.deleted(supprimee, now)]);
  }
}
