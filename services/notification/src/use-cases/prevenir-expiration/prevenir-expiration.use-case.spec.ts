import { DossierExpirationNotified } from '@demarches/contracts';
import { EmailKind } from '../../mail/email-kind';
import { InMemoryDeliveries, InMemoryQueue } from '../../testing/in-memory-ports';
import { PrevenirExpirationUseCase } from './prevenir-expiration.use-case';

const event: DossierExpirationNotified = {
  dossierId: 'd-9',
  demarcheId: 'dem-1',
  number: 77,
  usagerEmail: 'usager@exemple.fr',
  demarcheTitle: 'Carte de stationnement',
  expiresAt: new Date('2026-05-02T10:00:00Z'),
  version: 4,
};

describe(PrevenirExpirationUseCase.name, () => {
  const setup = () => {
    const deliveries = new InMemoryDeliveries();
    const queue = new InMemoryQueue();
    const useCase = new PrevenirExpirationUseCase(deliveries, queue, {
      PUBLIC_URL: 'https://demarches.test',
    });
    return { deliveries, queue, useCase };
  };

  it('mails the usager the day their brouillon will be deleted and the link to deposit it', async () => {
    const { deliveries, queue, useCase } = setup();
    await useCase.execute(event, 'evt-9');
    const delivery = deliveries.byId.get('evt-9');
    expect(delivery).toMatchObject({
      kind: EmailKind.ExpirationBrouillon,
      recipient: 'usager@exemple.fr',
      dossierId: 'd-9',
      subject: 'Votre brouillon nº 77 sera bientôt supprimé (Carte de stationnement)',
    });
    expect(delivery?.body).toContain('il sera supprimé le 2 mai 2026');
    expect(delivery?.body).toContain('https://demarches.test/dossiers/d-9');
    expect(queue.jobIds).toEqual(new Set(['evt-9']));
  });

  it('sends nothing twice for a redelivered event', async () => {
    const { deliveries, useCase } = setup();
    await useCase.execute(event, 'evt-9');
    await useCase.execute({ ...event, number: 78 }, 'evt-9');
    expect(deliveries.byId.size).toBe(1);
    expect(deliveries.byId.get('evt-9')?.subject).toContain('nº 77');
  });
});
