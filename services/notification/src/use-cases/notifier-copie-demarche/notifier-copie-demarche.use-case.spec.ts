import { DemarcheCreated } from '@demarches/contracts';
import { EmailKind } from '../../mail/email-kind';
import { InMemoryDeliveries, InMemoryQueue } from '../../testing/in-memory-ports';
import { NotifierCopieDemarcheUseCase } from './notifier-copie-demarche.use-case';

const copie: DemarcheCreated = {
  demarcheId: 'dem-42',
  number: 42,
  title: 'Aide aux jardins partagés',
  administrateurEmails: ['collegue@mairie.fr'],
  clonedFromDemarcheId: 'dem-7',
  at: new Date('2026-11-27T10:00:00Z'),
  version: 1,
  sentByEmail: 'admin@mairie.fr',
};

describe(NotifierCopieDemarcheUseCase.name, () => {
  const setup = () => {
    const deliveries = new InMemoryDeliveries();
    const queue = new InMemoryQueue();
    const useCase = new NotifierCopieDemarcheUseCase(deliveries, queue, {
      PUBLIC_URL: 'https://demarches.test',
    });
    return { deliveries, queue, useCase };
  };

  it('mails the colleague who received the copy: who sent it, which démarche, where to find it', async () => {
    const { deliveries, queue, useCase } = setup();
    await useCase.execute(copie, 'evt-1');
    const delivery = deliveries.byId.get('evt-1');
    expect(delivery).toMatchObject({
      kind: EmailKind.CopieDemarche,
      recipient: 'collegue@mairie.fr',
      subject: 'admin@mairie.fr vous a envoyé une copie de la démarche « Aide aux jardins partagés »',
      status: 'queued',
    });
    expect(delivery?.dossierId).toBeUndefined();
    expect(delivery?.body).toContain('https://demarches.test/demarches/dem-42');
    expect(delivery?.body).toContain('parmi vos démarches en test');
    expect(queue.jobIds).toEqual(new Set(['evt-1']));
  });

  it('sends nothing for a démarche created or cloned by its own administrateur', async () => {
    const { deliveries, queue, useCase } = setup();
    await useCase.execute({ ...copie, sentByEmail: undefined }, 'evt-2');
    await useCase.execute({ ...copie, clonedFromDemarcheId: undefined, sentByEmail: '' }, 'evt-3');
    expect(deliveries.byId.size).toBe(0);
    expect(queue.jobIds.size).toBe(0);
  });

  it('sends nothing twice for a redelivered event', async () => {
    const { deliveries, useCase } = setup();
    await useCase.execute(copie, 'evt-1');
    await useCase.execute({ ...copie, title: 'Autre titre' }, 'evt-1');
    expect(deliveries.byId.size).toBe(1);
    expect(deliveries.byId.get('evt-1')?.subject).toContain('Aide aux jardins partagés');
  });
});
