import { DossierInviteAdded } from '@demarches/contracts';
import { InjectConfig } from '@demarches/platform-config';
import { Injectable } from '@nestjs/common';
import { NotificationConfig } from '../../config';
import { renderTemplate } from '../../mail/balise-renderer';
import { Balise } from '../../mail/balises';
import { DEFAULT_TEMPLATES } from '../../mail/default-templates';
import { EmailKind } from '../../mail/email-kind';
import { Deliveries, DossierContacts, EmailQueue } from '../../persistence/ports';

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
    const rendered = renderTemplate(
      DEFAULT_TEMPLATES[EmailKind.InvitationDossier],
      {
        [Balise.NumeroDossier]: String(event.number),
        [Balise.LibelleDemarche]: contact?.demarcheTitle ?? '',
        [Balise.LienDossier]: new URL(
          `/dossiers/${encodeURIComponent(event.dossierId)}`,
          this.config.PUBLIC_URL,
        ).href,
      },
      [{ label: AUTEUR_INVITATION, value: event.invitedByEmail }],
    );
    // The usager's message is added after rendering, so whatever it contains is never read as a balise.
    const message = event.message.trim();
    const body = message
      ? `${rendered.body}\n\nMessage de ${event.invitedByEmail} :\n${message}`
      : rendered.body;
    await this.deliveries.createIfAbsent({
      id: eventId,
      kind: EmailKind.InvitationDossier,
      dossierId: event.dossierId,
      recipient: event.email,
      subject: rendered.subject,
      body,
      status: 'queued',
      attempts: 0,
      messageId: null,
      lastError: null,
      createdAt: now,
      sentAt: null,
    });
    await this.queue.enqueue(eventId);
  }
}
