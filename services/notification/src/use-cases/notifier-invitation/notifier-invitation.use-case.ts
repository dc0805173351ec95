import { DossierInviteAdded } from '@demarches/contracts';
import { InjectConfig } from '@demarches/platform-config';
import { Injectable } from '@nestjs/common';
import { NotificationConfig } from '../../config';
import { EmailKind } from '../../mail/email-kind';
import { Deliveries, DossierContacts, EmailQueue } from '../../persistence/ports';
import { balisesDossier, sendOneOffEmail } from '../shared/one-off-email';

export const AUTEUR_INVITATION = "auteur de l'invitation";

/**
 * Co-construction: the person an usager invited on a dossier receives an e-mail with the link and the usager's
 * message. The event id is the delivery id: a redelivered event sends nothing twice.
 */
@Injectable()
export class NotifierInvitationUseCase {
  constructor(
    private readonly deliveries: Deliveries,
    private readonly queue: EmailQueue,
    private readonly contacts: DossierContacts,
    @InjectConfig() private readonly config: Pick<NotificationConfig, 'PUBLIC_URL'>,
  ) {}

  async execute(event: DossierInviteAdded, eventId: string, now = new Date()): Promise<void> {
    // The démarche's title is known once the dossier was deposited; a brouillon's invitation goes without it.
    const contact = await this.contacts.find(event.dossierId);
    // The usager's message is added after rendering, so whatever it contains is never read as a balise.
    const message = event.message.trim();
    await sendOneOffEmail(
      { deliveries: this.deliveries, queue: this.queue },
      {
        eventId,
        kind: EmailKind.InvitationDossier,
        recipient: event.email,
        dossierId: event.dossierId,
        values: balisesDossier(this.config.PUBLIC_URL, {
          dossierId: event.dossierId,
          number: event.number,
          demarcheTitle: contact?.demarcheTitle ?? '',
        }),
        extras: [{ label: AUTEUR_INVITATION, value: event.invitedByEmail }],
        postscript: message ? `Message de ${event.invitedByEmail} :\n${message}` : undefined,
      },
      now,
    );
  }
}
