import { ApiTokenExpiring, ApiTokenExpiryNotice } from '@demarches/contracts';
import { EmailKind } from '../../mail/email-kind';
import { InMemoryDeliveries, InMemoryQueue } from '../../testing/in-memory-ports';
import { PrevenirExpirationJetonUseCase } from './prevenir-expiration-jeton.use-case';

const event: ApiTokenExpiring = {
  tokenId: '0123456789abcdef0123456789abcdef',
  tokenName: 'SI --de la région--',
  ownerEmail: 'admin@exemple.fr',
  expiresAt: new Date('2026-05-02T10:00:00Z'),
  notice: ApiTokenExpiryNotice.ONE_DAY,
  at: new Date('2026-05-01T10:00:00Z'),
};

describe(PrevenirExpirationJetonUseCase.name, () => {
  const setup = () => {
    const deliveries = new InMemoryDeliveries();
    const queue = new InMemoryQueue();
    const useCase = new PrevenirExpirationJetonUseCase(deliveries, queue, {
      PUBLIC_URL: 'https://demarches.test',
    });
    return { deliveries, queue, useCase };
  };

  it('mails the owner the name of the token, the day it expires and where to replace it', async () => {
    const { deliveries, queue, useCase } = setup();
    await useCase.execute(event, 'evt-1');
    const delivery = deliveries.byId.get('evt-1');
    expect(delivery).toMatchObject({
      kind: EmailKind.ExpirationJetonApi,
      recipient: 'admin@exemple.fr',
      // The token's name is a value, never read as a balise.
      subject: "Votre jeton d'API « SI --de la région-- » expire le 2 mai 2026",
    });
    expect(delivery?.dossierId).toBeUndefined();
    expect(delivery?.body).toContain('https://demarches.test/profil');
    expect(queue.jobIds).toEqual(new Set(['evt-1']));
  });

  it('sends nothing twice for a redelivered event', async () => {
    const { deliveries, useCase } = setup();
    await useCase.execute(event, 'evt-1');
    await useCase.execute({ ...event, tokenName: 'autre' }, 'evt-1');
    expect(deliveries.byId.size).toBe(1);
  });
});
