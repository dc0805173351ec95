import { renderTemplate } from '../../mail/balise-renderer';
import { Balise, BaliseValues, ChampBalise } from '../../mail/balises';
import { DEFAULT_TEMPLATES } from '../../mail/default-templates';
import { EmailKind } from '../../mail/email-kind';
import { Deliveries, EmailQueue } from '../../persistence/ports';

/** Where a delivery is recorded and queued. */
export interface DeliveryPorts {
  deliveries: Deliveries;
  queue: EmailQueue;
}

/** An e-mail once rendered, as its delivery records it. */
export interface RenderedDelivery {
  /** Id of the event that caused the e-mail: the delivery id and the job id. */
  eventId: string;
  kind: EmailKind;
  recipient: string;
  /** Absent for an e-mail about no dossier (a démarche copy, an API token expiry notice). */
  dossierId?: string;
  subject: string;
  body: string;
}

/**
 * Records the delivery once (a redelivered event finds it and changes nothing: what is stored is what was first
 * rendered) and hands it to the sending queue.
 */
export async function recordAndEnqueue(
  { deliveries, queue }: DeliveryPorts,
  email: RenderedDelivery,
  now: Date,
): Promise<void> {
  await deliveries.createIfAbsent({
    id: email.eventId,
    kind: email.kind,
    ...(email.dossierId === undefined ? {} : { dossierId: email.dossierId }),
    recipient: email.recipient,
    subject: email.subject,
    body: email.body,
    status: 'queued',
    attempts: 0,
    messageId: null,
    lastError: null,
    createdAt: now,
    sentAt: null,
  });
  // Enqueued even for an existing delivery: if a crash came between the insert and the enqueue, the redelivered
  // event finishes the job. The deterministic job id (and the sent status the worker checks) prevent a second mail.
  await queue.enqueue(email.eventId);
}

/** A one-off e-mail: the default template of its kind, which no administrateur customises. */
export interface OneOffEmail {
  /** Id of the event that caused the e-mail: a redelivered event sends nothing twice. */
  eventId: string;
  kind: EmailKind;
  recipient: string;
  dossierId?: string;
  /** The built-in balises this e-mail fills; the others render empty. */
  values?: BaliseValues;
  /** Balises of this e-mail only (not usable in administrateurs' templates); their values are never read as balises. */
  extras?: readonly ChampBalise[];
  /** Text appended after rendering (an usager's own message), so whatever it contains is never read as a balise. */
  postscript?: string;
}

/** Renders a one-off e-mail for an event, records its delivery once and queues it. */
export function sendOneOffEmail(ports: DeliveryPorts, email: OneOffEmail, now: Date): Promise<void> {
  const { eventId, kind, recipient, dossierId, values = {}, extras = [], postscript } = email;
  const { subject, body } = renderTemplate(DEFAULT_TEMPLATES[kind], values, extras);
  return recordAndEnqueue(
    ports,
    {
      eventId,
      kind,
      recipient,
      dossierId,
      subject,
      body: postscript ? `${body}\n\n${postscript}` : body,
    },
    now,
  );
}

/** An absolute link to a page of the public site. */
export function publicLink(publicUrl: string, path: string): string {
  return new URL(path, publicUrl).href;
}

/** The balises that name a dossier: its number, its démarche's title and the link to it. */
export function balisesDossier(
  publicUrl: string,
  dossier: { dossierId: string; number: number; demarcheTitle: string },
): BaliseValues {
  return {
    [Balise.NumeroDossier]: String(dossier.number),
    [Balise.LibelleDemarche]: dossier.demarcheTitle,
    [Balise.LienDossier]: publicLink(publicUrl, `/dossiers/${encodeURIComponent(dossier.dossierId)}`),
  };
}
