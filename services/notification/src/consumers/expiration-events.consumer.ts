import { DossierExpirationNotified, Topics } from '@demarches/contracts';
import { EventMeta, OnEvent } from '@demarches/platform-kafka';
import { Injectable } from '@nestjs/common';
import { PrevenirExpirationUseCase } from '../use-cases/prevenir-expiration/prevenir-expiration.use-case';

/** Retention (RGPD): the usager of a brouillon is mailed one month before its deletion. */
@Injectable()
export class ExpirationEventsConsumer {
  constructor(private readonly prevenirExpiration: PrevenirExpirationUseCase) {}

  @OnEvent(Topics.dossier, 'DossierExpirationNotified')
  async onExpirationNotified(event: DossierExpirationNotified, meta: EventMeta): Promise<void> {
    await this.prevenirExpiration.execute(event, meta.eventId);
  }
}
