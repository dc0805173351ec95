import { ApiTokenExpiring } from '@demarches/contracts';
import { InjectConfig } from '@demarches/platform-config';
import { Injectable } from '@nestjs/common';
import { NotificationConfig } from '../../config';
import { renderTemplate } from '../../mail/balise-renderer';
import { formatDate } from '../../mail/balises';
import { DEFAULT_TEMPLATES } from '../../mail/default-templates';
import { EmailKind } from '../../mail/email-kind';
import { Deliveries, EmailQueue } from '../../persistence/ports';

/** Balises of this e-mail only (not usable in administrateurs' templates). */
export const NOM_DU_JETON = 'nom du jeton';
export const DATE_EXPIRATION = "date d'expiration";
export const LIEN_JETONS = 'lien jetons';

/** Where an administrateur manages her API tokens (profil administrateur, as in the reference). */
export const JETONS_PATH = '/profil';

/**
 * An administrateur's API token expires soon (identity's ApiTokenExpiring, a month, a week and a day before): she is
 * mailed so she can replace it in time. The event id is the delivery id: a redelivered event sends nothing twice.
 */
@Injectable()
export class PrevenirExpirationJetonUseCase {
  constructor(
    private readonly deliveries: Deliveries,
    private readonly queue: EmailQueue,
    @InjectConfig() private readonly config: Pick<NotificationConfig, 'PUBLIC_URL'>,
  ) {}

  async execute(event: ApiTokenExpiring, eventId: string, now = new Date()): Promise<void> {
    const { subject, body } = renderTemplate(DEFAULT_TEMPLATES[EmailKind.ExpirationJetonApi], {}, [
      { label: NOM_DU_JETON, value: event.tokenName },
      { label: DATE_EXPIRATION, value: formatDate(event.expiresAt) },
      { label: LIEN_JETONS, value: new URL(JETONS_PATH, this.config.PUBLIC_URL).href },
    ]);
    await this.deliveries.createIfAbsent({
      id: eventId,
      kind: EmailKind.ExpirationJetonApi,
      recipient: event.ownerEmail,
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
