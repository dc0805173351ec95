import { DemarcheCreated, Topics } from '@demarches/contracts';
import { EventMeta, OnEvent } from '@demarches/platform-kafka';
import { Injectable } from '@nestjs/common';
import { NotifierCopieDemarcheUseCase } from '../use-cases/notifier-copie-demarche/notifier-copie-demarche.use-case';

/** « Envoyer une copie »: the colleague who received a copy of a démarche is told by e-mail. */
@Injectable()
export class CopieDemarcheConsumer {
  constructor(private readonly notifierCopie: NotifierCopieDemarcheUseCase) {}

  @OnEvent(Topics.procedure, 'DemarcheCreated')
  async onCreated(event: DemarcheCreated, meta: EventMeta): Promise<void> {
    await this.notifierCopie.execute(event, meta.eventId);
  }
}
