import { EmailKind } from '../../mail/email-kind';
import { FakeMailer, InMemoryDeliveries } from '../../testing/in-memory-ports';
import { EnvoyerEmailUseCase } from './envoyer-email.use-case';

async function setup() {
  const deliveries = new InMemoryDeliveries();
  const mailer = new FakeMailer();
  await deliveries.createIfAbsent({
    id: 'evt-1',
    kind: EmailKind.Acceptation,
    dossierId: 'd-1',
    recipient: 'usager@exemple.fr',
    subject: 'Votre dossier nº 42 a été accepté',
    body: 'Bonjour',
    status: 'queued',
    attempts: 0,
    messageId: null,
    lastError: null,
    createdAt: new Date(),
    sentAt: null,
  });
  return { deliveries, mailer, useCase: new EnvoyerEmailUseCase(deliveries, mailer) };
}

describe(EnvoyerEmailUseCase.name, () => {
  it('sends the rendered e-mail and records it as sent with its Message-ID', async () => {
    const { deliveries, mailer, useCase } = await setup();
    expect(await useCase.execute('evt-1', { number: 1, max: 5 })).toBe('sent');
    expect(mailer.sent).toEqual([
      {
        to: 'usager@exemple.fr',
        subject: 'Votre dossier nº 42 a été accepté',
        text: 'Bonjour',
        deliveryId: 'evt-1',
      },
    ]);
    expect(deliveries.byId.get('evt-1')).toMatchObject({ status: 'sent', messageId: '<evt-1@test>' });
    expect(deliveries.events).toEqual([{ type: 'EmailDelivered', deliveryId: 'evt-1' }]);
  });

  it('does not send a second time when the job runs again after a success', async () => {
    const { mailer, useCase } = await setup();
    await useCase.execute('evt-1', { number: 1, max: 5 });
    expect(await useCase.execute('evt-1', { number: 1, max: 5 })).toBe('already_sent');
    expect(mailer.sent).toHaveLength(1);
  });

  it('rethrows a failed attempt so the queue retries, keeping the delivery queued', async () => {
    const { deliveries, mailer, useCase } = await setup();
    mailer.failWith = Object.assign(new Error('connection refused'), { code: 'ECONNECTION' });
    await expect(useCase.execute('evt-1', { number: 1, max: 3 })).rejects.toThrow('connection refused');
    expect(deliveries.byId.get('evt-1')).toMatchObject({
      status: 'queued',
      attempts: 1,
      lastError: 'ECONNECTION',
    });
    expect(deliveries.events).toEqual([]);
  });

  it('marks the delivery failed and announces it after the last attempt', async () => {
    const { deliveries, mailer, useCase } = await setup();
    mailer.failWith = Object.assign(new Error('mailbox unavailable'), { responseCode: 550 });
    await expect(useCase.execute('evt-1', { number: 3, max: 3 })).rejects.toThrow();
    expect(deliveries.byId.get('evt-1')).toMatchObject({ status: 'failed', lastError: 'SMTP_550' });
    expect(deliveries.events).toEqual([{ type: 'EmailFailed', deliveryId: 'evt-1' }]);
  });

  it('drops a job whose delivery does not exist', async () => {
    const { mailer, useCase } = await setup();
    expect(await useCase.execute('nope', { number: 1, max: 3 })).toBe('unknown_delivery');
    expect(mailer.sent).toHaveLength(0);
  });
});
