import { Injectable } from '@nestjs/common';
import { EtatDossier } from '../../domain/dossier-instruction';
import { InstructionException } from '../../instruction.exception';
import { DossierInstructionRepository, GroupeRepository } from '../../persistence/instruction.repositories';
import { ActionInstructeur, DossierCommands } from './dossier-commands.port';

/**
 * An instructeur acts on a dossier of one of her groupes. instruction checks membership, then asks dossier to
 * change the state; the projection follows at once from the answer (and again, idempotently, from the event).
 */
@Injectable()
export class ChangerEtatUseCase {
  constructor(
    private readonly groupes: GroupeRepository,
    private readonly dossiers: DossierInstructionRepository,
    private readonly commands: DossierCommands,
  ) {}

  async execute(
    instructeur: { sub: string; email: string },
    dossierId: string,
    action: ActionInstructeur,
    motivation?: string,
  ): Promise<{ dossierId: string; state: EtatDossier; version: number }> {
    const email = instructeur.email.toLowerCase();
    const dossier = await this.dossiers.findById(dossierId);
    if (!dossier || !(await this.groupes.isMember(dossier.groupeInstructeurId, email))) {
      throw InstructionException.notFound(dossierId);
    }
    const result = await this.commands.changerEtat({
      dossierId,
      action,
      instructeurEmail: email,
      instructeurSub: instructeur.sub,
      motivation,
    });
    await this.dossiers.updateStateIfNewer(dossierId, result.state, result.version, new Date());
    // Taking a dossier en instruction makes the instructeur follow it, as in the reference.
    if (action === 'passer_en_instruction') await this.dossiers.addFollower(dossierId, email);
    return { dossierId, ...result };
  }
}
