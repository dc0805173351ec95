import { DemarcheCreated } from '@demarches/contracts';
import { InjectConfig } from '@demarches/platform-config';
import { Injectable } from '@nestjs/common';
import { NotificationConfig } from '../../config';
import { Balise } from '../../mail/balises';
import { EmailKind } from '../../mail/email-kind';
import { Deliveries, EmailQueue } from '../../persistence/ports';
import { publicLink, sendOneOffEmail } from '../shared/one-off-email';

/** Balises of this e-mail only (not usable in administrateurs' templates). */
export const EXPEDITEUR_DE_LA_COPIE = 'expéditeur de la copie';
export const LIEN_DEMARCHE = 'lien démarche';

/**
 * « Envoyer une copie » (seed §15): when an administrateur sends a copy of a démarche to a colleague, form-builder
 * creates the copy for the colleague with DemarcheCreated.sent_by_email set; the colleague (the copy's only
 * administrateur) is mailed where to find it. A démarche created or cloned by its own administrateur sends nothing.
 * The event id is the delivery id: a redelivered event sends nothing twice.
 */
@Injectable()
export class NotifierCopieDemarcheUseCase {
  constructor(
    private readonly deliveries: Deliveries,
    private readonly queue: EmailQueue,
    @InjectConfig() private readonly config: Pick<NotificationConfig, 'PUBLIC_URL'>,
  ) {}

  async execute(event: DemarcheCreated, eventId: string, now = new Date()): Promise<void> {
    const expediteur = event.sentByEmail?.trim();
    const destinataire = event.administrateurEmails[0];
    if (!expediteur || !destinataire) return;
    const lien = publicLink(this.config.PUBLIC_URL, `/demarches/${encodeURIComponent(event.demarcheId)}`);
    await sendOneOffEmail(
      { deliveries: this.deliveries, queue: this.queue },
      {
        eventId,
        kind: EmailKind.CopieDemarche,
        recipient: destinataire,
        values: { [Balise.LibelleDemarche]: event.title },
        extras: [
          { label: EXPEDITEUR_DE_LA_COPIE, value: expediteur },
          { label: LIEN_DEMARCHE, value: lien },
        ],
      },
      now,
    );
  }
}
