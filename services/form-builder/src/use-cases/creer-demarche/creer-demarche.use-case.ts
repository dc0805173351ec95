import { Injectable } from '@nestjs/common';
import { Demarche, nouvelleDemarche } from '../../domain/demarche';
import { modifierDescription } from '../../domain/description';
import { DemarcheRepository } from '../../persistence/demarche.repository';
import { Clock } from '../clock';
import { demarcheEvents } from '../demarche-events';

export interface CreerDemarcheInput {
  title: string;
  description: string;
}

/** A new démarche en test (brouillon); DemarcheCreated leaves with it through the outbox. */
@Injectable()
export class CreerDemarcheUseCase {
  constructor(
    private readonly repository: DemarcheRepository,
    private readonly clock: Clock,
  ) {}

  async execute(administrateur: string, input: CreerDemarcheInput): Promise<Demarche> {
    const now = this.clock.now();
    const number = await this.repository.nextNumber();
    const base = nouvelleDemarche({ ...input, description: '', number, administrateur, now });
    // The description goes through the same sanitising as later edits.
    const demarche = modifierDescription(base, { description: input.description }, now);
    return this.repository.create(demarche, [demarcheEvents.created(demarche)]);
  }
}
