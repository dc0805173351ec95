import { DossierInviteAdded, Topics } from '@demarches/contracts';
import { EventMeta, OnEvent } from '@demarches/platform-kafka';
import { Injectable } from '@nestjs/common';
import { NotifierInvitationUseCase } from '../use-cases/notifier-invitation/notifier-invitation.use-case';

/** Co-construction: the invité is mailed when an usager invites them on a dossier. */
@Injectable()
export class InvitationEventsConsumer {
  constructor(private readonly notifierInvitation: NotifierInvitationUseCase) {}

  @OnEvent(Topics.dossier, 'DossierInviteAdded')
  async onInviteAdded(event: DossierInviteAdded, meta: EventMeta): Promise<void> {
    await this.notifierInvitation.execute(event, meta.eventId);
  }
}
