import { DossierExpirationNotified } from '@demarches/contracts';
import { InjectConfig } from '@demarches/platform-config';
import { Injectable } from '@nestjs/common';
import { NotificationConfig } from '../../config';
import { renderTemplate } from '../../mail/balise-renderer';
import { Balise, formatDate } from '../../mail/balises';
import { DEFAULT_TEMPLATES } from '../../mail/default-templates';
import { EmailKind } from '../../mail/email-kind';
import { Deliveries, EmailQueue } from '../../persistence/ports';

/** Balise of the deletion day, only in this e-mail (not a balise administrateurs may use in their templates). */
export const DATE_DE_SUPPRESSION = 'date de suppression';

/**
 * RGPD: one month before a brouillon reaches the end of its durée de conservation, dossier announces its deletion and
 * the usager is mailed so they can deposit it or let it go. The event id is the delivery id: a redelivered event
 * sends nothing twice.
 */
@Injectable()
export class PrevenirExpirationUseCase {
  constructor(
    private readonly deliveries: Deliveries,
    private readonly queue: EmailQueue,
    @InjectConfig() private readonly config: Pick<NotificationConfig, 'PUBLIC_URL'>,
  ) {}

  async execute(event: DossierExpirationNotified, eventId: string, now = new Date()): Promise<void> {
    const { subject, body } = renderTemplate(
      DEFAULT_TEMPLATES[EmailKind.ExpirationBrouillon],
      {
        [Balise.NumeroDossier]: String(event.number),
        [Balise.LibelleDemarche]: event.demarcheTitle,
        [Balise.LienDossier]: new URL(
          `/dossiers/${encodeURIComponent(event.dossierId)}`,
          this.config.PUBLIC_URL,
        ).href,
      },
      [{ label: DATE_DE_SUPPRESSION, value: formatDate(event.expiresAt) }],
    );
    await this.deliveries.createIfAbsent({
      id: eventId,
      kind: EmailKind.ExpirationBrouillon,
      dossierId: event.dossierId,
      recipient: event.usagerEmail,
      subject,
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
