import { Injectable } from '@nestjs/common';
import { Demarche, nouvelleDemarche } from '../../domain/demarche';
import { DemarcheRepository } from '../../persistence/demarche.repository';
import { Clock } from '../clock';

export interface CreerDemarcheInput {
  title: string;
  description: string;
}

@Injectable()
export class CreerDemarcheUseCase {
  constructor(
    private readonly repository: DemarcheRepository,
    private readonly clock: Clock,
  ) {}

  async execute(administrateur: string, input: CreerDemarcheInput): Promise<Demarche> {
    const number = await this.repository.nextNumber();
    return this.repository.create(
      nouvelleDemarche({ ...input, number, administrateur, now: this.clock.now() }),
    );
  }
}
