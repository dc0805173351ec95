import { DossierInviteAdded } from '@demarches/contracts';
import { EmailKind } from '../../mail/email-kind';
import { InMemoryContacts, InMemoryDeliveries, InMemoryQueue } from '../../testing/in-memory-ports';
import { NotifierInvitationUseCase } from './notifier-invitation.use-case';

const invitation: DossierInviteAdded = {
  dossierId: 'd-1',
  demarcheId: 'dem-1',
  number: 42,
  email: 'coauteur@exemple.fr',
  invitedByEmail: 'usager@exemple.fr',
  message: 'Peux-tu ajouter le budget ? --motivation--',
  at: new Date('2026-11-20T10:00:00Z'),
  version: 3,
};

describe(NotifierInvitationUseCase.name, () => {
  const setup = () => {
    const deliveries = new InMemoryDeliveries();
    const queue = new InMemoryQueue();
    const useCase = new NotifierInvitationUseCase(deliveries, queue, new InMemoryContacts(), {
      PUBLIC_URL: 'https://demarches.test',
    });
    return { deliveries, queue, useCase };
  };

  it('mails the invité the link, who invited them and their message, kept as written', async () => {
    const { deliveries, queue, useCase } = setup();
    await useCase.execute(invitation, 'evt-1');

    const delivery = deliveries.byId.get('evt-1')!;
    expect(delivery).toMatchObject({
      kind: EmailKind.InvitationDossier,
      recipient: 'coauteur@exemple.fr',
      dossierId: 'd-1',
      subject: 'Vous êtes invité à compléter le dossier nº 42',
    });
    expect(delivery.body).toContain(
      'usager@exemple.fr vous invite à consulter et à compléter son dossier nº 42',
    );
    expect(delivery.body).toContain('https://demarches.test/dossiers/d-1');
    expect(delivery.body).toContain('Peux-tu ajouter le budget ? --motivation--');
    expect(queue.jobIds).toEqual(new Set(['evt-1']));
  });

  it('adds no message paragraph when the usager wrote none', async () => {
    const { deliveries, useCase } = setup();
    await useCase.execute({ ...invitation, message: '  ' }, 'evt-2');
    expect(deliveries.byId.get('evt-2')!.body).not.toContain('Message de');
  });

  it('sends nothing twice for a redelivered event', async () => {
    const { deliveries, useCase } = setup();
    await useCase.execute(invitation, 'evt-1');
    await useCase.execute({ ...invitation, message: 'autre' }, 'evt-1');
    expect(deliveries.byId.size).toBe(1);
    expect(deliveries.byId.get('evt-1')!.body).toContain('budget');
  });
});
