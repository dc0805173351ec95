import { Injectable } from '@nestjs/common';
import type { OutboxEvent } from '@demarches/platform-mongo';
import { Demarche } from '../domain/demarche';
import { DemarcheRepository } from '../persistence/demarche.repository';
import { Clock } from './clock';
import { loadOwnDemarche } from './load-demarche';

/**
 * A lifecycle change made by one of the démarche's administrateurs (anyone else finds no démarche): the domain
 * transition at the clock's time (it refuses a state it does not apply to), saved with the event that announces it.
 * Each use case names its transition and its event.
 */
@Injectable()
export abstract class TransitionDemarcheUseCase {
  protected abstract readonly transition: (demarche: Demarche, now: Date) => Demarche;
  protected abstract readonly event: (demarche: Demarche, at: Date) => OutboxEvent;

  constructor(
    private readonly repository: DemarcheRepository,
    private readonly clock: Clock,
  ) {}

  async execute(administrateur: string, demarcheId: string): Promise<Demarche> {
    const demarche = await loadOwnDemarche(this.repository, demarcheId, administrateur);
    const now = this.clock.now();
    const next = this.transition(demarche, now);
    return this.repository.save(next, [this.event(next, now)]);
  }
}
