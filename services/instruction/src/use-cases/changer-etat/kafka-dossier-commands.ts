import { ChangerEtatAction, CommandTopics } from '@demarches/contracts';
import { CommandClient } from '@demarches/platform-kafka';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG } from '@demarches/platform-config';
import { EtatDossier } from '../../domain/dossier-instruction';
import { InstructionConfig } from '../../config';
import { etatFromProto } from '../projeter-evenements/projeter-evenements.use-case';
import { ActionInstructeur, ChangerEtatRequest, DossierCommands } from './dossier-commands.port';

const ACTIONS: Record<ActionInstructeur, ChangerEtatAction> = {
  passer_en_instruction: ChangerEtatAction.PASSER_EN_INSTRUCTION,
  repasser_en_construction: ChangerEtatAction.REPASSER_EN_CONSTRUCTION,
  accepter: ChangerEtatAction.ACCEPTER,
  refuser: ChangerEtatAction.REFUSER,
  classer_sans_suite: ChangerEtatAction.CLASSER_SANS_SUITE,
  repasser_en_instruction: ChangerEtatAction.REPASSER_EN_INSTRUCTION,
};

/** DossierCommands over Kafka request-reply (ADR 0007): dossier answers with the new state or a coded error. */
@Injectable()
export class KafkaDossierCommands extends DossierCommands implements OnApplicationBootstrap {
  private readonly logger = new Logger(KafkaDossierCommands.name);

  constructor(
    private readonly client: CommandClient,
    @Inject(APP_CONFIG) private readonly config: InstructionConfig,
  ) {
    super();
  }

  /** Joins the reply topic at boot, so the first instructeur action does not wait for the consumer group. */
  onApplicationBootstrap(): void {
    this.client
      .start()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'command replies not joined yet'));
  }

  async changerEtat(request: ChangerEtatRequest): Promise<{ state: EtatDossier; version: number }> {
    const reply = await this.client.send(
      CommandTopics.changerEtatDossier,
      {
        dossierId: request.dossierId,
        action: ACTIONS[request.action],
        instructeurEmail: request.instructeurEmail,
        instructeurSub: request.instructeurSub,
        motivation: request.motivation,
        expectedVersion: undefined,
      },
      // Keyed by dossier so two commands on one dossier are handled in order.
      { timeoutMs: this.config.COMMAND_TIMEOUT_MS, key: request.dossierId },
    );
    const state = etatFromProto(reply.state);
    if (!state) throw new Error(`dossier answered an unexpected state ${reply.state}`);
    return { state, version: reply.version };
  }
}
