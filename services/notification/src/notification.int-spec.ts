// Real Kafka event in -> real e-mail at the SMTP capture (Mailpit), exactly once, and EmailDelivered out.
import {
  ChampType,
  DossierDeposited,
  DossierState,
  DossierStateChanged,
  MailKind,
  Topics,
} from '@demarches/contracts';
import { kafkaConnector } from '@demarches/platform-kafka';
import { createServiceApp } from '@demarches/platform-runtime';
import {
  demarchePublished,
  KafkaProbe,
  localInfrastructure,
  Mailpit,
  testNamespace,
  waitFor,
} from '@demarches/testing';
import type { INestApplication } from '@nestjs/common';
import { AppModule } from './app.module';
import { loadNotificationConfig } from './config';
import { DemarcheMailTemplates } from './persistence/ports';
import { AccuserReceptionUseCase } from './use-cases/accuser-reception/accuser-reception.use-case';

const ns = testNamespace(__filename);
const usagerEmail = `usager-${ns.replace(/_/g, '-')}@exemple.fr`.toLowerCase();
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

const deposited: DossierDeposited = {
  dossierId: `${ns}dossier`,
  number: 4242,
  usagerEmail,
  usagerSub: 'sub-usager',
  demarcheId: 'dem-1',
  demarcheNumber: 7,
  demarcheTitle: 'Subvention aux associations sportives',
  revisionId: 'rev-1',
  groupeInstructeurId: 'g-1',
  champs: [],
  depositedAt: new Date('2026-11-20T10:00:00Z'),
  demandeur: undefined,
  state: DossierState.EN_CONSTRUCTION,
  inviteEmails: [],
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
  const kafka = new KafkaProbe(ns);

  beforeAll(async () => {
    await kafka.start([Topics.procedure, Topics.dossier, Topics.notification]);
    app = await createServiceApp({ module: AppModule.forRoot(config), config, kafka: kafkaConnector });
    await app.listen(0, '127.0.0.1');
  });

  afterAll(async () => {
    await kafka.stop();
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
    const [receipt] = await mailpit.waitForMails(usagerEmail, 1);
    expect(receipt.subject).toBe(
      'Votre dossier nº 4242 a bien été déposé (Subvention aux associations sportives)',
    );
    expect(receipt.from).toEqual({ address: 'ne-pas-repondre@demarches.gouv.fr', name: 'Démarches' });
    const receiptText = await mailpit.text(receipt.id);
    expect(receiptText).toContain('a bien été déposé le 20 novembre 2026');
    expect(receiptText).toContain(`https://demarches.test/dossiers/${deposited.dossierId}`);

    // The same event again (a broker redelivery), then the decision: same key, so it is handled after the duplicate.
    await kafka.publish(Topics.dossier, 'DossierDeposited', deposited.dossierId, deposited, {
      eventId: depositId,
    });
    const decisionId = await kafka.publish(
      Topics.dossier,
      'DossierStateChanged',
      accepted.dossierId,
      accepted,
    );
    const mails = await mailpit.waitForMails(usagerEmail, 2);
    expect(mails.map((m) => m.subject)).toEqual([
      'Votre dossier nº 4242 a bien été déposé (Subvention aux associations sportives)',
      'Votre dossier nº 4242 a été accepté (Subvention aux associations sportives)',
    ]);
    expect(await mailpit.text(mails[1].id)).toContain(
      'Motivation : Dossier complet et conforme au règlement.',
    );

    // Past the platform's event-id dedupe, the use case itself sends nothing twice for the same event id.
    await app.get(AccuserReceptionUseCase).execute(deposited, depositId);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await mailpit.search(usagerEmail)).toHaveLength(2);

    // Each sent mail is announced on the notification topic, keyed by its delivery (= causing event) id.
    // The relay publishes at least once (consumers dedupe by event id), so count distinct event ids.
    const events = await waitFor(
      () => {
        const seen = kafka.distinct(Topics.notification, 'EmailDelivered');
        return seen.length >= 2 && seen;
      },
      'two EmailDelivered events',
      30_000,
    );
    const delivered = events.map((e) => e.payload);
    expect(delivered.map((d) => [d.deliveryId, d.template, d.recipientEmail]).sort()).toEqual(
      [
        [depositId, 'dossier_depose', usagerEmail],
        [decisionId, 'dossier_accepte', usagerEmail],
      ].sort(),
    );
    expect(delivered.every((d) => d.smtpMessageId.length > 0)).toBe(true);
  });

  it("sends the démarche's customised accusé de réception, with the value of a champ balise", async () => {
    const jardinier = `jardinier-${ns.replace(/_/g, '-')}@exemple.fr`.toLowerCase();
    const demarche = demarchePublished({
      demarcheId: `${ns}dem-jardins`,
      title: 'Aide aux jardins partagés',
      version: 3,
      mailTemplates: [
        {
          kind: MailKind.DOSSIER_DEPOSE,
          subject: 'Jardin « --Nom du jardin-- » : dossier nº --numéro du dossier-- reçu',
          body: 'Bonjour,\nNous avons bien reçu le dossier du jardin --Nom du jardin--.\nSuivi : --lien dossier--',
        },
      ],
    });
    await kafka.publish(Topics.procedure, 'DemarchePublished', demarche.demarcheId, demarche);
    // The two topics are not ordered with each other: wait for the projection before the dépôt.
    await waitFor(() => app.get(DemarcheMailTemplates).find(demarche.demarcheId), 'templates projected');

    const dossierId = `${ns}dossier-jardin`;
    await kafka.publish(Topics.dossier, 'DossierDeposited', dossierId, {
      ...deposited,
      dossierId,
      number: 5151,
      usagerEmail: jardinier,
      demarcheId: demarche.demarcheId,
      demarcheTitle: demarche.title,
      champs: [
        {
          champId: demarche.champs[0].id,
          label: 'Nom du jardin',
          type: ChampType.TEXT,
          value: 'Les Lilas --motivation--',
        },
      ],
    });
    const [receipt] = await mailpit.waitForMails(jardinier, 1);
    expect(receipt.subject).toBe('Jardin « Les Lilas --motivation-- » : dossier nº 5151 reçu');
    const text = await mailpit.text(receipt.id);
    expect(text).toContain('Nous avons bien reçu le dossier du jardin Les Lilas --motivation--.');
    expect(text).toContain(`Suivi : https://demarches.test/dossiers/${dossierId}`);
  });
});
