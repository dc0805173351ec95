import { Injectable } from '@nestjs/common';
import { depublier } from '../../domain/cycle-de-vie';
import { demarcheEvents } from '../demarche-events';
import { TransitionDemarcheUseCase } from '../transition-demarche';

/** Dépublier: no new dossier; DemarcheUnpublished. Publishing again reopens it (DemarcheReopened). */
@Injectable()
export class DepublierDemarcheUseCase extends TransitionDemarcheUseCase {
  protected readonly transition = depublier;
  protected readonly event = demarcheEvents.unpublished;
}
