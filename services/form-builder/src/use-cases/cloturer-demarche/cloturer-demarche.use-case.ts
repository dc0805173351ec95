import { Injectable } from '@nestjs/common';
import { cloturer } from '../../domain/cycle-de-vie';
import { demarcheEvents } from '../demarche-events';
import { TransitionDemarcheUseCase } from '../transition-demarche';

/** Clore by hand (seed §14): DemarcheClosed; the dossier service stops new dépôts. */
@Injectable()
export class CloturerDemarcheUseCase extends TransitionDemarcheUseCase {
  protected readonly transition = cloturer;
  protected readonly event = demarcheEvents.closed;
}
