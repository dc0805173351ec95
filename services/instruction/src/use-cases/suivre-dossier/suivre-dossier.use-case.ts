import { Injectable } from '@nestjs/common';
import { InstructionException } from '../../instruction.exception';
import { DossierInstructionRepository, GroupeRepository } from '../../persistence/instruction.repositories';

/** « Suivre le dossier »: the dossier moves from « à suivre » to the instructeur's « suivis ». */
@Injectable()
export class SuivreDossierUseCase {
  constructor(
    private readonly groupes: GroupeRepository,
    private readonly dossiers: DossierInstructionRepository,
  ) {}

  async execute(instructeurEmail: string, dossierId: string): Promise<void> {
    const email = instructeurEmail.toLowerCase();
    const dossier = await this.dossiers.findById(dossierId);
    if (!dossier || !(await this.groupes.isMember(dossier.groupeInstructeurId, email))) {
      throw InstructionException.notFound(dossierId);
    }
    await this.dossiers.addFollower(dossierId, email);
  }
}
