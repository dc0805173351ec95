import {
  DemarchePublished,
  DossierCreated,
  DossierDeleted,
  DossierDeposited,
  DossierStateChanged,
  Topics,
} from '@demarches/contracts';
import { OnEvent } from '@demarches/platform-kafka';
import { Injectable } from '@nestjs/common';
import { ProjeterDossierUseCase } from '../use-cases/projeter-dossier/projeter-dossier.use-case';

/**
 * Feeds messaging's projection: who owns a dossier, where it is routed, whether its messagerie is open.
 */
@Injectable()
export class DossierEventsConsumer {
  constructor(private readonly projeter: ProjeterDossierUseCase) {}

  @OnEvent(Topics.dossier, 'DossierCreated')
  async onCreated(event: DossierCreated): Promise<void> {
    await this.projeter.cree(event);
  }

  @OnEvent(Topics.dossier, 'DossierDeposited')
  async onDeposited(event: DossierDeposited): Promise<void> {
    await this.projeter.depose(event);
  }

  @OnEvent(Topics.dossier, 'DossierStateChanged')
  async onStateChanged(event: DossierStateChanged): Promise<void> {
    await this.projeter.etatChange(event);
  }

  @OnEvent(Topics.dossier, 'DossierDeleted')
  async onDeleted(event: DossierDeleted): Promise<void> {
    await this.projeter.supprime(event);
  }

  @OnEvent(Topics.procedure, 'DemarchePublished')
  async onDemarchePublished(event: DemarchePublished): Promise<void> {
    await this.projeter.demarchePubliee(event);
  }
}
