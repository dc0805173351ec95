import { Injectable } from '@nestjs/common';
import { depublier } from '../../domain/cycle-de-vie';
import { Demarche } from '../../domain/demarche';
import { DemarcheRepository } from '../../persistence/demarche.repository';
import { Clock } from '../clock';
import { demarcheEvents } from '../demarche-events';
import { loadOwnDemarche } from '../load-demarche';

/** Dépublier: no new dossier; DemarcheUnpublished. Publishing again reopens it (DemarcheReopened). */
@Injectable()
export class DepublierDemarcheUseCase {
  constructor(
    private readonly repository: DemarcheRepository,
    private readonly clock: Clock,
  ) {}

  async execute(administrateur: string, demarcheId: string): Promise<Demarche> {
    const demarche = await loadOwnDemarche(this.repository, demarcheId, administrateur);
    const now = this.clock.now();
    const depubliee = depublier(demarche, now);
    return this.repository.save(depubliee, [demarcheEvents.unpublished(depubliee, now)]);
  }
}
