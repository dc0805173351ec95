import { Injectable } from '@nestjs/common';
import { InjectConfig } from '@demarches/platform-config';
import { NotificationConfig } from '../../config';
import { Balise, BaliseValues, formatDate } from '../../mail/balises';
import { renderTemplate } from '../../mail/balise-renderer';
import { DEFAULT_TEMPLATES } from '../../mail/default-templates';
import { EmailKind } from '../../mail/email-kind';
import { DemarcheMailTemplates, Deliveries, DossierContact, EmailQueue } from '../../persistence/ports';

export interface EmailRequest {
  /** Id of the event that caused the e-mail: the delivery id and the job id. */
  eventId: string;
  kind: EmailKind;
  contact: DossierContact;
  motivation?: string;
  decidedAt?: Date | null;
}

/**
 * Renders an e-mail (the démarche's customised template for its kind, else the default), records its delivery once,
 * and hands it to the sending queue.
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
      [Balise.NumeroDossier]: String(contact.number),
      [Balise.LibelleDemarche]: contact.demarcheTitle,
      [Balise.LienDossier]: new URL(
        `/dossiers/${encodeURIComponent(contact.dossierId)}`,
        this.config.PUBLIC_URL,
      ).href,
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
    await this.deliveries.createIfAbsent({
      id: request.eventId,
      kind: request.kind,
      dossierId: contact.dossierId,
      recipient: contact.usagerEmail,
      subject,
      body,
      status: 'queued',
      attempts: 0,
      messageId: null,
      lastError: null,
      createdAt: now,
      sentAt: null,
    });
    // Enqueued even for an existing delivery: if a crash came between the insert and the enqueue, the redelivered
    // event finishes the job. The deterministic job id (and the sent status the worker checks) prevent a second mail.
    await this.queue.enqueue(request.eventId);
  }
}
