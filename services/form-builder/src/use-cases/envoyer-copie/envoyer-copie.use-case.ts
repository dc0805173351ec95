import { Injectable } from '@nestjs/common';
import { Demarche } from '../../domain/demarche';
import { DemarcheRepository } from '../../persistence/demarche.repository';
import { ClonerDemarcheUseCase } from '../cloner-demarche/cloner-demarche.use-case';
import { loadOwnDemarche } from '../load-demarche';

/**
 * "Envoyer une copie" (seed §15): a copy of one of the caller's démarches appears in a colleague's démarches en
 * test. DemarcheCreated carries sent_by_email so notification can tell the colleague by e-mail.
 */
@Injectable()
export class EnvoyerCopieUseCase {
  constructor(
    private readonly repository: DemarcheRepository,
    private readonly cloner: ClonerDemarcheUseCase,
  ) {}

  async execute(administrateur: string, demarcheId: string, destinataire: string): Promise<Demarche> {
    // Only one's own démarches can be sent, published or not (the catalogue is for cloning, not sending).
    await loadOwnDemarche(this.repository, demarcheId, administrateur);
    return this.cloner.clone(
      administrateur,
      demarcheId,
      destinataire.trim().toLowerCase(),
      administrateur.toLowerCase(),
    );
  }
}
