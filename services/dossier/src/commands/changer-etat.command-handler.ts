import { ChangerEtatAction, CommandTopics, type RequestOf } from '@demarches/contracts';
import { type CommandResult, OnCommand } from '@demarches/platform-kafka';
import { Injectable } from '@nestjs/common';
import { ActionInstructeur } from '../domain/dossier-state';
import { DossierErrorCode, DossierException } from '../dossier.exception';
import { ChangerEtatUseCase } from '../use-cases/changer-etat/changer-etat.use-case';
import { toProtoState } from '../use-cases/dossier-events';

const ACTIONS: Partial<Record<ChangerEtatAction, ActionInstructeur>> = {
  [ChangerEtatAction.PASSER_EN_INSTRUCTION]: 'passer_en_instruction',
  [ChangerEtatAction.REPASSER_EN_CONSTRUCTION]: 'repasser_en_construction',
  [ChangerEtatAction.ACCEPTER]: 'accepter',
  [ChangerEtatAction.REFUSER]: 'refuser',
  [ChangerEtatAction.CLASSER_SANS_SUITE]: 'classer_sans_suite',
  [ChangerEtatAction.REPASSER_EN_INSTRUCTION]: 'repasser_en_instruction',
};

/** Answers instruction's "change the state of this dossier" over Kafka request-reply. */
@Injectable()
export class ChangerEtatCommandHandler {
  constructor(private readonly changerEtat: ChangerEtatUseCase) {}

  @OnCommand(CommandTopics.changerEtatDossier)
  async handle(
    request: RequestOf<typeof CommandTopics.changerEtatDossier>,
  ): Promise<CommandResult<typeof CommandTopics.changerEtatDossier>> {
    const action = ACTIONS[request.action];
    if (!action) {
      throw new DossierException(DossierErrorCode.TRANSITION_INTERDITE, 'invalid', 'Action inconnue.', {
        action: request.action,
      });
    }
    const dossier = await this.changerEtat.execute({
      dossierId: request.dossierId,
      action,
      instructeurEmail: request.instructeurEmail,
      motivation: request.motivation,
      expectedVersion: request.expectedVersion,
    });
    return { ok: { dossierId: dossier.id, state: toProtoState(dossier.state), version: dossier.version } };
  }
}
