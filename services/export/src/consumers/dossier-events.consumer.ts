import {
  DemarchePublished,
  DossierDeleted,
  DossierDeposited,
  DossierStateChanged,
  DossierUpdated,
  Topics,
} from '@demarches/contracts';
import { OnEvent } from '@demarches/platform-kafka';
import { Injectable } from '@nestjs/common';
import { ProjeterDemarcheUseCase } from '../use-cases/projeter-demarche/projeter-demarche.use-case';
import { ProjeterDossierUseCase } from '../use-cases/projeter-dossier/projeter-dossier.use-case';

/**
 * Feeds export's own projection of dossiers and of who may export each démarche.
 */
@Injectable()
export class DossierEventsConsumer {
  constructor(
    private readonly projeterDossier: ProjeterDossierUseCase,
    private readonly projeterDemarche: ProjeterDemarcheUseCase,
  ) {}

  @OnEvent(Topics.dossier, 'DossierDeposited')
  async onDeposited(event: DossierDeposited): Promise<void> {
    await this.projeterDossier.depose(event);
  }

  @OnEvent(Topics.dossier, 'DossierStateChanged')
  async onStateChanged(event: DossierStateChanged): Promise<void> {
    await this.projeterDossier.etatChange(event);
  }

  @OnEvent(Topics.dossier, 'DossierUpdated')
  async onUpdated(event: DossierUpdated): Promise<void> {
    await this.projeterDossier.modifie(event);
  }

  @OnEvent(Topics.dossier, 'DossierDeleted')
  async onDeleted(event: DossierDeleted): Promise<void> {
    await this.projeterDossier.supprime(event);
  }

  @OnEvent(Topics.procedure, 'DemarchePublished')
  async onDemarchePublished(event: DemarchePublished): Promise<void> {
    await this.projeterDemarche.execute(event);
  }
}
