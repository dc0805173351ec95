import { Injectable } from '@nestjs/common';
import { assertClonable, cloner } from '../../domain/cycle-de-vie';
import { Demarche } from '../../domain/demarche';
import { DemarcheException } from '../../demarche.exception';
import { DemarcheRepository } from '../../persistence/demarche.repository';
import { Clock } from '../clock';
import { demarcheEvents } from '../demarche-events';

/**
 * Clone a démarche (own, or any published one of the catalogue) into a new démarche en test of `destinataire`.
 * Used by "Cloner" (the destinataire is the caller) and by "Envoyer une copie" (a colleague).
 */
@Injectable()
export class ClonerDemarcheUseCase {
  constructor(
    private readonly repository: DemarcheRepository,
    private readonly clock: Clock,
  ) {}

  execute(administrateur: string, sourceId: string): Promise<Demarche> {
    return this.clone(administrateur, sourceId, administrateur.toLowerCase());
  }

  async clone(
    administrateur: string,
    sourceId: string,
    destinataire: string,
    sentBy?: string,
  ): Promise<Demarche> {
    const source = await this.repository.load(sourceId);
    if (!source) throw DemarcheException.notFound(sourceId);
    assertClonable(source, administrateur);
    const copie = cloner(source, {
      number: await this.repository.nextNumber(),
      administrateur: destinataire,
      now: this.clock.now(),
      memeAdministrateur: source.administrateurs.includes(destinataire),
    });
    return this.repository.create(copie, [demarcheEvents.created(copie, sentBy)]);
  }
}
