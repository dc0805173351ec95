import { Injectable } from '@nestjs/common';
import { Demarche } from '../../domain/demarche';
import { DemarcheRepository } from '../../persistence/demarche.repository';
import { loadOwnDemarche } from '../load-demarche';

@Injectable()
export class ConsulterDemarchesUseCase {
  constructor(private readonly repository: DemarcheRepository) {}

  one(administrateur: string, demarcheId: string): Promise<Demarche> {
    return loadOwnDemarche(this.repository, demarcheId, administrateur);
  }

  mine(administrateur: string): Promise<Demarche[]> {
    return this.repository.listForAdministrateur(administrateur.toLowerCase());
  }
}
