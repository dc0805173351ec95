import { Injectable } from '@nestjs/common';
import { cloturer } from '../../domain/cycle-de-vie';
import { Demarche } from '../../domain/demarche';
import { DemarcheRepository } from '../../persistence/demarche.repository';
import { Clock } from '../clock';
import { demarcheEvents } from '../demarche-events';
import { loadOwnDemarche } from '../load-demarche';

/** Clore by hand (seed §14): DemarcheClosed; the dossier service stops new dépôts. */
@Injectable()
export class CloturerDemarcheUseCase {
  constructor(
    private readonly repository: DemarcheRepository,
    private readonly clock: Clock,
  ) {}

  async execute(administrateur: string, demarcheId: string): Promise<Demarche> {
    const demarche = await loadOwnDemarche(this.repository, demarcheId, administrateur);
    const now = this.clock.now();
    const close = cloturer(demarche, now);
    return this.repository.save(close, [demarcheEvents.closed(close, now)]);
  }
}
