import { DossierDeposited, DossierStateChanged, Topics } from '@demarches/contracts';
import { EventMeta, OnEvent } from '@demarches/platform-kafka';
import { Injectable } from '@nestjs/common';
import { AccuserReceptionUseCase } from '../use-cases/accuser-reception/accuser-reception.use-case';
import { NotifierChangementEtatUseCase } from '../use-cases/notifier-changement-etat/notifier-changement-etat.use-case';

/**
 * Dossier events that e-mail the usager. The event id becomes the delivery id: a redelivery sends nothing twice.
 */
@Injectable()
export class DossierEventsConsumer {
  constructor(
    private readonly accuserReception: AccuserReceptionUseCase,
    private readonly notifierChangementEtat: NotifierChangementEtatUseCase,
  ) {}

  @OnEvent(Topics.dossier, 'DossierDeposited')
  async onDeposited(event: DossierDeposited, meta: EventMeta): Promise<void> {
    await this.accuserReception.execute(event, meta.eventId);
  }

  @OnEvent(Topics.dossier, 'DossierStateChanged')
  async onStateChanged(event: DossierStateChanged, meta: EventMeta): Promise<void> {
    await this.notifierChangementEtat.execute(event, meta.eventId);
  }
}
