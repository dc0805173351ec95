import { Injectable } from '@nestjs/common';
import { InjectConfig } from '@demarches/platform-config';
import { NotificationConfig } from '../../config';
import { Balise, BaliseValues, formatDate } from '../../mail/balises';
import { renderTemplate } from '../../mail/balise-renderer';
import { DEFAULT_TEMPLATES } from '../../mail/default-templates';
import { EmailKind } from '../../mail/email-kind';
import { DemarcheMailTemplates, Deliveries, DossierContact, EmailQueue } from '../../persistence/ports';
import { balisesDossier, recordAndEnqueue } from './one-off-email';

export interface EmailRequest {
  /** Id of the event that caused the e-mail: the delivery id and the job id. */
  eventId: string;
  kind: EmailKind;
  contact: DossierContact;
  motivation?: string;
  decidedAt?: Date | null;
}

/**
 * Renders an e-mail about a dossier (the démarche's customised template for its kind, else the default), records its
 * delivery once, and hands it to the sending queue (one-off e-mails, which no administrateur customises, go through
 * sendOneOffEmail).
 */
@Injectable()
export class EmailScheduler {
  constructor(
    private readonly deliveries: Deliveries,
    private readonly queue: EmailQueue,
    private readonly templates: DemarcheMailTemplates,
    @InjectConfig() private readonly config: Pick<NotificationConfig, 'PUBLIC_URL'>,
  ) {}

  async schedule(request: EmailRequest, now = new Date()): Promise<void> {
    const { contact } = request;
    const values: BaliseValues = {
      ...balisesDossier(this.config.PUBLIC_URL, contact),
      [Balise.DateDepot]: formatDate(contact.depositedAt),
      [Balise.DatePassageEnInstruction]: formatDate(contact.enInstructionAt),
      [Balise.DateDecision]: formatDate(request.decidedAt),
      [Balise.Motivation]: request.motivation ?? '',
      [Balise.LienAttestation]: '',
    };
    const mails = await this.templates.find(contact.demarcheId);
    const template = mails?.templates[request.kind] ?? DEFAULT_TEMPLATES[request.kind];
    // The dossier's own values first; any other label of the démarche (an annotation, an unfilled champ) renders empty.
    const champs = [...contact.champs, ...(mails?.labels ?? []).map((label) => ({ label, value: '' }))];
    const { subject, body } = renderTemplate(template, values, champs);
    await recordAndEnqueue(
      { deliveries: this.deliveries, queue: this.queue },
      {
        eventId: request.eventId,
        kind: request.kind,
        dossierId: contact.dossierId,
        recipient: contact.usagerEmail,
        subject,
        body,
      },
      now,
    );
  }
}
