import { ApiTokenExpiring } from '@demarches/contracts';
import { InjectConfig } from '@demarches/platform-config';
import { Injectable } from '@nestjs/common';
import { NotificationConfig } from '../../config';
import { formatDate } from '../../mail/balises';
import { EmailKind } from '../../mail/email-kind';
import { Deliveries, EmailQueue } from '../../persistence/ports';
import { publicLink, sendOneOffEmail } from '../shared/one-off-email';

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
    await sendOneOffEmail(
      { deliveries: this.deliveries, queue: this.queue },
      {
        eventId,
        kind: EmailKind.ExpirationJetonApi,
        recipient: event.ownerEmail,
        extras: [
          { label: NOM_DU_JETON, value: event.tokenName },
          { label: DATE_EXPIRATION, value: formatDate(event.expiresAt) },
          { label: LIEN_JETONS, value: publicLink(this.config.PUBLIC_URL, JETONS_PATH) },
        ],
      },
      now,
    );
  }
}
