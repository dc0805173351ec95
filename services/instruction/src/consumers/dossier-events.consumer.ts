import { type PayloadOf, Topics } from '@demarches/contracts';
import { OnEvent } from '@demarches/platform-kafka';
import { Injectable } from '@nestjs/common';
import { ProjeterEvenementsUseCase } from '../use-cases/projeter-evenements/projeter-evenements.use-case';

/** Thin consumers: decoded payload in, one use case call. */
@Injectable()
export class InstructionEventsConsumer {
  constructor(private readonly projeter: ProjeterEvenementsUseCase) {}

  @OnEvent(Topics.procedure, 'DemarchePublished')
  async demarchePublished(event: PayloadOf<typeof Topics.procedure, 'DemarchePublished'>): Promise<void> {
    await this.projeter.demarchePublished(event);
  }

  @OnEvent(Topics.dossier, 'DossierDeposited')
  async dossierDeposited(event: PayloadOf<typeof Topics.dossier, 'DossierDeposited'>): Promise<void> {
    await this.projeter.dossierDeposited(event);
  }

  @OnEvent(Topics.dossier, 'DossierUpdated')
  async dossierUpdated(event: PayloadOf<typeof Topics.dossier, 'DossierUpdated'>): Promise<void> {
    await this.projeter.dossierUpdated(event);
  }

  @OnEvent(Topics.dossier, 'DossierStateChanged')
  async dossierStateChanged(event: PayloadOf<typeof Topics.dossier, 'DossierStateChanged'>): Promise<void> {
    await this.projeter.dossierStateChanged(event);
  }
}
