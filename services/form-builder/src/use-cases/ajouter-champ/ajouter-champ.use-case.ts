import { Injectable } from '@nestjs/common';
import { ajouterChamp, ChampDescriptor } from '../../domain/demarche';
import { DemarcheRepository } from '../../persistence/demarche.repository';
import { loadOwnDemarche } from '../load-demarche';

@Injectable()
export class AjouterChampUseCase {
  constructor(private readonly repository: DemarcheRepository) {}

  async execute(
    administrateur: string,
    demarcheId: string,
    champ: Omit<ChampDescriptor, 'id'>,
  ): Promise<ChampDescriptor> {
    const demarche = await loadOwnDemarche(this.repository, demarcheId, administrateur);
    const result = ajouterChamp(demarche, champ);
    await this.repository.save(result.demarche);
    return result.champ;
  }
}
