import { Injectable } from '@nestjs/common';
import { appartientAOnglet, DossierInstruction, Onglet } from '../../domain/dossier-instruction';
import { DossierInstructionRepository, GroupeRepository } from '../../persistence/instruction.repositories';

/** The instructeur's dashboard: dossiers of her groupes only (never brouillons: they are not projected). */
@Injectable()
export class ListerDossiersUseCase {
  constructor(
    private readonly groupes: GroupeRepository,
    private readonly dossiers: DossierInstructionRepository,
  ) {}

  async execute(instructeurEmail: string, onglet: Onglet): Promise<DossierInstruction[]> {
    const email = instructeurEmail.toLowerCase();
    const groupeIds = await this.groupes.groupeIdsOf(email);
    if (groupeIds.length === 0) return [];
    const rows = await this.dossiers.listForGroupes(groupeIds);
    return rows.filter((row) => appartientAOnglet(row, onglet, email)).sort((a, b) => b.number - a.number);
  }
}
