// Real Kafka event in -> real e-mail at the SMTP capture (Mailpit), exactly once, and EmailDelivered out.
import {
  DossierDeposited,
  DossierState,
  DossierStateChanged,
  EmailDelivered,
  Topics,
} from '@demarches/contracts';
import { kafkaConnector } from '@demarches/platform-kafka';
import { createServiceApp } from '@demarches/platform-runtime';
import { localInfrastructure, testNamespace } from '@demarches/testing';
import type { INestApplication } from '@nestjs/common';
import { AppModule } from './app.module';
import { loadNotificationConfig } from './config';
import { KafkaTestClient, PublishedEvent } from './testing/kafka-test-client';
import { mailText, searchMails, waitForMails } from './testing/mailpit';
import { AccuserReceptionUseCase } from './use-cases/accuser-reception/accuser-reception.use-case';

const ns = testNamespace(__filename);
const usagerEmail = `usager-${ns.replace(/_/g, '-')}@exemple.fr`.toLowerCase();
const mailApi = localInfrastructure.mailApiUrl;

const config = loadNotificationConfig({
  MONGO_URL: localInfrastructure.mongoUrl,
  MONGO_DATABASE: `${ns}notification`,
  KAFKA_BROKERS: localInfrastructure.kafkaBrokers.join(','),
  KAFKA_TOPIC_PREFIX: ns,
  REDIS_URL: localInfrastructure.redisUrl,
  QUEUE_PREFIX: ns,
  SMTP_HOST: localInfrastructure.smtp.host,
  SMTP_PORT: String(localInfrastructure.smtp.port),
  HTTP_PORT: '0',
  METRICS_PORT: '0',
  LOG_LEVEL: 'warn',
  INTERNAL_TOKEN_SECRET: 'integration-test-internal-secret-0123456789',
  PUBLIC_URL: 'https://demarches.test',
  EMAIL_BACKOFF_MS: '200',
});

const deposited: DossierDeposited = {
  dossierId: `${ns}dossier`,
  number: 4242,
  usagerEmail,
  demarcheId: 'dem-1',
  demarcheNumber: 7,
  demarcheTitle: 'Subvention aux associations sportives',
  revisionId: 'rev-1',
  groupeInstructeurId: 'g-1',
  champs: [],
  depositedAt: new Date('2026-11-20T10:00:00Z'),
  version: 2,
};

const accepted: DossierStateChanged = {
  dossierId: deposited.dossierId,
  number: 4242,
  demarcheId: 'dem-1',
  demarcheNumber: 7,
  groupeInstructeurId: 'g-1',
  usagerEmail,
  from: DossierState.EN_INSTRUCTION,
  to: DossierState.ACCEPTE,
  motivation: 'Dossier complet et conforme au règlement.',
  instructeurEmail: 'instructeur@exemple.fr',
  at: new Date('2026-11-25T09:00:00Z'),
  version: 4,
};

describe('notification (real Kafka, FerretDB, Redis, SMTP)', () => {
  let app: INestApplication;
  let kafka: KafkaTestClient;

  beforeAll(async () => {
    app = await createServiceApp({ module: AppModule.forRoot(config), config, kafka: kafkaConnector });
    await app.listen(0, '127.0.0.1');
    kafka = new KafkaTestClient(localInfrastructure.kafkaBrokers, ns);
    await kafka.connect();
  });

  afterAll(async () => {
    await kafka?.disconnect();
    await app?.close();
  });

  it('is ready once Mongo, Kafka and Redis answer', async () => {
    const url = await app.getUrl();
    const response = await fetch(`${url.replace('[::1]', '127.0.0.1')}/health/ready`);
    const body = (await response.json()) as { checks: Record<string, unknown> };
    expect(response.status).toBe(200);
    expect(Object.keys(body.checks).sort()).toEqual(['kafka', 'mongo', 'redis']);
  });

  it('mails the accusé de réception, then the acceptance with its motivation, once each despite redelivery', async () => {
    const depositId = await kafka.publish(Topics.dossier, 'DossierDeposited', deposited.dossierId, deposited);
    const [receipt] = await waitForMails(mailApi, usagerEmail, 1);
    expect(receipt.Subject).toBe(
      'Votre dossier nº 4242 a bien été déposé (Subvention aux associations sportives)',
    );
    expect(receipt.From).toMatchObject({ Address: 'ne-pas-repondre@demarches.gouv.fr', Name: 'Démarches' });
    const receiptText = await mailText(mailApi, receipt.ID);
    expect(receiptText).toContain('a bien été déposé le 20 novembre 2026');
    expect(receiptText).toContain(`https://demarches.test/dossiers/${deposited.dossierId}`);

    // The same event again (a broker redelivery), then the decision: same key, so it is handled after the duplicate.
    await kafka.publish(Topics.dossier, 'DossierDeposited', deposited.dossierId, deposited, depositId);
    const decisionId = await kafka.publish(
      Topics.dossier,
      'DossierStateChanged',
      accepted.dossierId,
      accepted,
    );
    const mails = await waitForMails(mailApi, usagerEmail, 2);
    expect(mails.map((m) => m.Subject)).toEqual([
      'Votre dossier nº 4242 a bien été déposé (Subvention aux associations sportives)',
      'Votre dossier nº 4242 a été accepté (Subvention aux associations sportives)',
    ]);
    expect(await mailText(mailApi, mails[1].ID)).toContain(
      'Motivation : Dossier complet et conforme au règlement.',
    );

    // Past the platform's event-id dedupe, the use case itself sends nothing twice for the same event id.
    await app.get(AccuserReceptionUseCase).execute(deposited, depositId);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await searchMails(mailApi, usagerEmail)).toHaveLength(2);

    // Each sent mail is announced on the notification topic, keyed by its delivery (= causing event) id.
    // The relay publishes at least once (consumers dedupe by event id), so count distinct event ids.
    const deliveredIds = (seen: PublishedEvent[]) =>
      new Set(seen.filter((e) => e.eventType === 'EmailDelivered').map((e) => e.eventId));
    const events = await kafka.read(Topics.notification, (seen) => deliveredIds(seen).size >= 2);
    const byEventId = new Map(
      events
        .filter((e) => e.eventType === 'EmailDelivered')
        .map((e) => [e.eventId, e.payload as EmailDelivered]),
    );
    const delivered = [...byEventId.values()];
    expect(delivered.map((d) => [d.deliveryId, d.template, d.recipientEmail]).sort()).toEqual(
      [
        [depositId, 'dossier_depose', usagerEmail],
        [decisionId, 'dossier_accepte', usagerEmail],
      ].sort(),
    );
    expect(delivered.every((d) => d.smtpMessageId.length > 0)).toBe(true);
  });
});
