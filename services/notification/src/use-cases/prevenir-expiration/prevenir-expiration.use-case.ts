import { DossierExpirationNotified } from '@demarches/contracts';
import { InjectConfig } from '@demarches/platform-config';
import { Injectable } from '@nestjs/common';
import { NotificationConfig } from '../../config';
import { formatDate } from '../../mail/balises';
import { EmailKind } from '../../mail/email-kind';
import { Deliveries, EmailQueue } from '../../persistence/ports';
import { balisesDossier, sendOneOffEmail } from '../shared/one-off-email';

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
    await sendOneOffEmail(
      { deliveries: this.deliveries, queue: this.queue },
      {
        eventId,
        kind: EmailKind.ExpirationBrouillon,
        recipient: event.usagerEmail,
        dossierId: event.dossierId,
        values: balisesDossier(this.config.PUBLIC_URL, event),
        extras: [{ label: DATE_DE_SUPPRESSION, value: formatDate(event.expiresAt) }],
      },
      now,
    );
  }
}
