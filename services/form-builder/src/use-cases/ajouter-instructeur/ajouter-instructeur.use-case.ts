import { Injectable } from '@nestjs/common';
import { ajouterInstructeur, Demarche } from '../../domain/demarche';
import { DemarcheRepository } from '../../persistence/demarche.repository';
import { loadOwnDemarche } from '../load-demarche';

/**
 * Adds an instructeur to the default groupe. Invitations of new accounts and routing between several groupes
 * come with the identity and form-builder issues.
 */
@Injectable()
export class AjouterInstructeurUseCase {
  constructor(private readonly repository: DemarcheRepository) {}

  async execute(administrateur: string, demarcheId: string, email: string): Promise<Demarche> {
    const demarche = await loadOwnDemarche(this.repository, demarcheId, administrateur);
    const updated = ajouterInstructeur(demarche, email);
    return updated === demarche ? demarche : this.repository.save(updated);
  }
}
