import { renderTemplate } from '../../mail/balise-renderer';
import { Balise } from '../../mail/balises';
import { DEFAULT_TEMPLATES } from '../../mail/default-templates';
import { EmailKind } from '../../mail/email-kind';
import { InMemoryDeliveries, InMemoryQueue } from '../../testing/in-memory-ports';
import { balisesDossier, publicLink, recordAndEnqueue, sendOneOffEmail } from './one-off-email';

describe('one-off e-mails', () => {
  const now = new Date('2026-11-27T10:00:00Z');
  const setup = () => {
    const deliveries = new InMemoryDeliveries();
    const queue = new InMemoryQueue();
    return { deliveries, queue, ports: { deliveries, queue } };
  };

  it('renders the default template of its kind with the values and extras, records it queued and enqueues it', async () => {
    const { deliveries, queue, ports } = setup();
    const values = { [Balise.NumeroDossier]: '7', [Balise.LibelleDemarche]: 'Aide --motivation--' };
    const extras = [{ label: "auteur de l'invitation", value: 'a@exemple.fr' }];
    await sendOneOffEmail(
      ports,
      {
        eventId: 'evt-1',
        kind: EmailKind.InvitationDossier,
        recipient: 'b@exemple.fr',
        dossierId: 'd-7',
        values,
        extras,
      },
      now,
    );
    const expected = renderTemplate(DEFAULT_TEMPLATES[EmailKind.InvitationDossier], values, extras);
    expect(deliveries.byId.get('evt-1')).toEqual({
      id: 'evt-1',
      kind: EmailKind.InvitationDossier,
      dossierId: 'd-7',
      recipient: 'b@exemple.fr',
      subject: expected.subject,
      body: expected.body,
      status: 'queued',
      attempts: 0,
      messageId: null,
      lastError: null,
      createdAt: now,
      sentAt: null,
    });
    expect(queue.jobIds).toEqual(new Set(['evt-1']));
  });

  it('appends the postscript after rendering, so its balises stay as written', async () => {
    const { deliveries, ports } = setup();
    await sendOneOffEmail(
      ports,
      {
        eventId: 'evt-2',
        kind: EmailKind.ExpirationJetonApi,
        recipient: 'a@exemple.fr',
        postscript: 'PS --motivation--',
      },
      now,
    );
    const { body } = renderTemplate(DEFAULT_TEMPLATES[EmailKind.ExpirationJetonApi], {}, []);
    expect(deliveries.byId.get('evt-2')?.body).toBe(`${body}\n\nPS --motivation--`);
  });

  it('stores no dossierId for an e-mail about no dossier', async () => {
    const { deliveries, ports } = setup();
    await sendOneOffEmail(
      ports,
      { eventId: 'evt-3', kind: EmailKind.CopieDemarche, recipient: 'a@exemple.fr' },
      now,
    );
    expect(deliveries.byId.get('evt-3')).not.toHaveProperty('dossierId');
  });

  it('keeps the first delivery of an event but enqueues it again (a crash between insert and enqueue)', async () => {
    const { deliveries, queue, ports } = setup();
    const email = {
      eventId: 'evt-4',
      kind: EmailKind.CopieDemarche,
      recipient: 'a@exemple.fr',
      subject: 'Un',
      body: 'x',
    };
    await recordAndEnqueue(ports, email, now);
    queue.jobIds.clear();
    await recordAndEnqueue(ports, { ...email, subject: 'Deux' }, now);
    expect(deliveries.byId.get('evt-4')?.subject).toBe('Un');
    expect(queue.jobIds).toEqual(new Set(['evt-4']));
  });

  it('builds absolute links on the public site and the balises naming a dossier, its id encoded', () => {
    expect(publicLink('https://demarches.test', '/profil')).toBe('https://demarches.test/profil');
    expect(
      balisesDossier('https://demarches.test/', { dossierId: 'a/b', number: 12, demarcheTitle: 'Aide' }),
    ).toEqual({
      [Balise.NumeroDossier]: '12',
      [Balise.LibelleDemarche]: 'Aide',
      [Balise.LienDossier]: 'https://demarches.test/dossiers/a%2Fb',
    });
  });
});
