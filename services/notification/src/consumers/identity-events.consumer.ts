import { ApiTokenExpiring, Topics } from '@demarches/contracts';
import { EventMeta, OnEvent } from '@demarches/platform-kafka';
import { Injectable } from '@nestjs/common';
import { PrevenirExpirationJetonUseCase } from '../use-cases/prevenir-expiration-jeton/prevenir-expiration-jeton.use-case';

/** API tokens (ADR 0018): the administrateur is mailed a month, a week and a day before a token expires. */
@Injectable()
export class IdentityEventsConsumer {
  constructor(private readonly prevenirExpirationJeton: PrevenirExpirationJetonUseCase) {}

  @OnEvent(Topics.identity, 'ApiTokenExpiring')
  async onApiTokenExpiring(event: ApiTokenExpiring, meta: EventMeta): Promise<void> {
    await this.prevenirExpirationJeton.execute(event, meta.eventId);
  }
}
