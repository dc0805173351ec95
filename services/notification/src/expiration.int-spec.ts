// RGPD notice: DossierExpirationNotified on the real Kafka topic -> one real e-mail at the SMTP capture (Mailpit).
import { DossierExpirationNotified, Topics } from '@demarches/contracts';
import { kafkaConnector } from '@demarches/platform-kafka';
import { createServiceApp } from '@demarches/platform-runtime';
import { KafkaProbe, localInfrastructure, Mailpit, testNamespace } from '@demarches/testing';
import type { INestApplication } from '@nestjs/common';
import { AppModule } from './app.module';
import { loadNotificationConfig } from './config';

const ns = testNamespace(__filename);
const usagerEmail = `brouillon-${ns.replace(/_/g, '-')}@exemple.fr`.toLowerCase();
const mailpit = new Mailpit();
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

const notified: DossierExpirationNotified = {
  dossierId: `${ns}brouillon`,
  demarcheId: 'dem-1',
  number: 5151,
  usagerEmail,
  demarcheTitle: 'Carte de stationnement résident',
  expiresAt: new Date('2027-02-15T10:00:00Z'),
  version: 6,
};

describe('notification: brouillon expiration notice', () => {
  let app: INestApplication;
  const kafka = new KafkaProbe(ns);

  beforeAll(async () => {
    await kafka.start([Topics.dossier, Topics.notification]);
    app = await createServiceApp({ module: AppModule.forRoot(config), config, kafka: kafkaConnector });
    await app.listen(0, '127.0.0.1');
  });

  afterAll(async () => {
    await kafka.stop();
    await app?.close();
  });

  it('mails the usager of a brouillon the day it will be deleted, once despite a redelivery', async () => {
    const eventId = await kafka.publish(
      Topics.dossier,
      'DossierExpirationNotified',
      notified.dossierId,
      notified,
    );
    await kafka.publish(Topics.dossier, 'DossierExpirationNotified', notified.dossierId, notified, {
      eventId,
    });
    const [mail] = await mailpit.waitForMails(usagerEmail, 1);
    expect(mail.subject).toBe(
      'Votre brouillon nº 5151 sera bientôt supprimé (Carte de stationnement résident)',
    );
    const text = await mailpit.text(mail.id);
    expect(text).toContain('il sera supprimé le 15 février 2027');
    expect(text).toContain(`https://demarches.test/dossiers/${notified.dossierId}`);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await mailpit.search(usagerEmail)).toHaveLength(1);
  });
});
