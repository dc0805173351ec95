import {
  DemarchePublished,
  DossierDeleted,
  DossierDeposited,
  DossierStateChanged,
  DossierUpdated,
  Topics,
} from '@demarches/contracts';
import { EventMeta, OnEvent } from '@demarches/platform-kafka';
import { Injectable } from '@nestjs/common';
import { ProjeterDemarcheUseCase } from '../use-cases/projeter-demarche/projeter-demarche.use-case';
import { ProjeterDossierUseCase } from '../use-cases/projeter-dossier/projeter-dossier.use-case';

/**
 * Feeds export's own projection of dossiers and of who may export each démarche.
 * Handlers keep the exact `(payload, meta) => Promise<void> | void` shape that @OnEvent checks against the catalogue.
 */
@Injectable()
export class DossierEventsConsumer {
  constructor(
    private readonly projeterDossier: ProjeterDossierUseCase,
    private readonly projeterDemarche: ProjeterDemarcheUseCase,
  ) {}

  @OnEvent(Topics.dossier, 'DossierDeposited')
  onDeposited(event: DossierDeposited, _meta: EventMeta): Promise<void> | void {
    return this.projeterDossier.depose(event);
  }

  @OnEvent(Topics.dossier, 'DossierStateChanged')
  onStateChanged(event: DossierStateChanged, _meta: EventMeta): Promise<void> | void {
    return this.projeterDossier.etatChange(event);
  }

  @OnEvent(Topics.dossier, 'DossierUpdated')
  onUpdated(event: DossierUpdated, _meta: EventMeta): Promise<void> | void {
    return this.projeterDossier.modifie(event);
  }

  @OnEvent(Topics.dossier, 'DossierDeleted')
  onDeleted(event: DossierDeleted, _meta: EventMeta): Promise<void> | void {
    return this.projeterDossier.supprime(event);
  }

  @OnEvent(Topics.procedure, 'DemarchePublished')
  onDemarchePublished(event: DemarchePublished, _meta: EventMeta): Promise<void> | void {
    return this.projeterDemarche.execute(event);
  }
}
