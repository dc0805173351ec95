import {
  DemarchePublished,
  DossierCreated,
  DossierDeleted,
  DossierDeposited,
  DossierStateChanged,
  Topics,
} from '@demarches/contracts';
import { EventMeta, OnEvent } from '@demarches/platform-kafka';
import { Injectable } from '@nestjs/common';
import { ProjeterDossierUseCase } from '../use-cases/projeter-dossier/projeter-dossier.use-case';

/**
 * Feeds messaging's projection: who owns a dossier, where it is routed, whether its messagerie is open.
 * Handlers keep the exact `(payload, meta) => Promise<void> | void` shape that @OnEvent checks against the catalogue.
 */
@Injectable()
export class DossierEventsConsumer {
  constructor(private readonly projeter: ProjeterDossierUseCase) {}

  @OnEvent(Topics.dossier, 'DossierCreated')
  onCreated(event: DossierCreated, _meta: EventMeta): Promise<void> | void {
    return this.projeter.cree(event);
  }

  @OnEvent(Topics.dossier, 'DossierDeposited')
  onDeposited(event: DossierDeposited, _meta: EventMeta): Promise<void> | void {
    return this.projeter.depose(event);
  }

  @OnEvent(Topics.dossier, 'DossierStateChanged')
  onStateChanged(event: DossierStateChanged, _meta: EventMeta): Promise<void> | void {
    return this.projeter.etatChange(event);
  }

  @OnEvent(Topics.dossier, 'DossierDeleted')
  onDeleted(event: DossierDeleted, _meta: EventMeta): Promise<void> | void {
    return this.projeter.supprime(event);
  }

  @OnEvent(Topics.procedure, 'DemarchePublished')
  onDemarchePublished(event: DemarchePublished, _meta: EventMeta): Promise<void> | void {
    return this.projeter.demarchePubliee(event);
  }
}
