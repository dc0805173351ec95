// Real Kafka events build the projection; the messagerie opens at dépôt and closes at the decision.
import { DossierState, SenderRole, Topics } from '@demarches/contracts';
import { InternalIdentity, signInternalIdentity } from '@demarches/platform-auth';
import { kafkaConnector } from '@demarches/platform-kafka';
import { createServiceApp } from '@demarches/platform-runtime';
import {
  demarchePublished,
  dossierDeposited,
  dossierStateChanged,
  KafkaProbe,
  localInfrastructure,
  testNamespace,
  waitFor,
} from '@demarches/testing';
import type { INestApplication } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { AppModule } from './app.module';
import { loadMessagingConfig } from './config';

const ns = testNamespace(__filename);
const secret = 'integration-test-internal-secret-0123456789';
const config = loadMessagingConfig({
  MONGO_URL: localInfrastructure.mongoUrl,
  MONGO_DATABASE: `${ns}messaging`,
  KAFKA_BROKERS: localInfrastructure.kafkaBrokers.join(','),
  KAFKA_TOPIC_PREFIX: ns,
  HTTP_PORT: '0',
  METRICS_PORT: '0',
  LOG_LEVEL: 'warn',
  INTERNAL_TOKEN_SECRET: secret,
});

const dossierId = `${ns}dossier`;
const usager: InternalIdentity = { sub: 'usager-sub', email: 'usager@exemple.fr', roles: ['usager'] };
const instructeur: InternalIdentity = {
  sub: 'inst-sub',
  email: 'Instructeur@Exemple.fr',
  roles: ['instructeur'],
};
const stranger: InternalIdentity = {
  sub: 'other-sub',
  email: 'other@exemple.fr',
  roles: ['usager', 'instructeur'],
};

describe('messaging (real Kafka, FerretDB)', () => {
  let app: INestApplication;
  let base: string;
  const kafka = new KafkaProbe(ns);

  const call = async (method: 'GET' | 'POST', who: InternalIdentity, body?: unknown) => {
    const response = await fetch(`${base}/dossiers/${dossierId}/messages`, {
      method,
      headers: {
        'content-type': 'application/json',
        'x-demarches-identity': signInternalIdentity(who, secret),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  /** Projections are eventually consistent: retry until the answer changes or the time runs out. */
  const until = async (
    attempt: () => Promise<{ status: number; body: Record<string, unknown> }>,
    status: number,
  ) => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const result = await attempt();
      if (result.status === status || Date.now() > deadline) return result;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };

  beforeAll(async () => {
    await kafka.start([Topics.procedure, Topics.dossier, Topics.messaging]);
    app = await createServiceApp({ module: AppModule.forRoot(config), config, kafka: kafkaConnector });
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');

    await kafka.publish(
      Topics.procedure,
      'DemarchePublished',
      'dem-1',
      demarchePublished({
        demarcheId: 'dem-1',
        number: 7,
        title: 'Aide',
        groupesInstructeurs: [
          {
            id: 'g-1',
            label: 'défaut',
            instructeurEmails: ['instructeur@exemple.fr'],
            routingValues: [],
            closed: false,
            isDefault: true,
          },
        ],
        version: 2,
      }),
    );
    await kafka.publish(Topics.dossier, 'DossierCreated', dossierId, {
      dossierId,
      number: 12,
      demarcheId: 'dem-1',
      demarcheNumber: 7,
      revisionId: 'rev-1',
      usagerSub: usager.sub,
      createdAt: new Date(),
      version: 1,
    });
  });

  afterAll(async () => {
    await kafka.stop();
    await app?.close();
  });

  it('opens the messagerie at dépôt, lets the usager and the instructeur write, and closes it at the decision', async () => {
    // A brouillon has no messagerie yet.
    expect((await until(() => call('POST', usager, { body: 'trop tôt' }), 409)).body).toMatchObject({
      error: { code: 'MESSAGERIE_FERMEE' },
    });

    await kafka.publish(
      Topics.dossier,
      'DossierDeposited',
      dossierId,
      dossierDeposited({
        dossierId,
        number: 12,
        usagerEmail: usager.email,
        usagerSub: usager.sub,
        demarcheId: 'dem-1',
        demarcheNumber: 7,
        demarcheTitle: 'Aide',
        groupeInstructeurId: 'g-1',
        version: 2,
      }),
    );
    const fromUsager = await until(() => call('POST', usager, { body: 'Bonjour, voici ma question.' }), 201);
    expect(fromUsager).toMatchObject({
      status: 201,
      body: { senderRole: 'usager', body: 'Bonjour, voici ma question.' },
    });
    expect(await call('POST', instructeur, { body: 'Merci, nous regardons.' })).toMatchObject({
      status: 201,
      body: { senderRole: 'instructeur' },
    });

    expect(await call('POST', stranger, { body: 'intrus' })).toMatchObject({
      status: 404,
      body: { error: { code: 'DOSSIER_NOT_FOUND' } },
    });
    expect(await call('GET', stranger)).toMatchObject({
      status: 404,
      body: { error: { code: 'DOSSIER_NOT_FOUND' } },
    });
    expect(await call('POST', usager, { body: '   ' })).toMatchObject({
      status: 400,
      body: { error: { code: 'MESSAGE_INVALIDE' } },
    });
    expect(await call('POST', usager, { body: 'x'.repeat(20_001) })).toMatchObject({ status: 400 });

    const listed = await call('GET', usager);
    expect((listed.body.messages as Array<{ body: string }>).map((m) => m.body)).toEqual([
      'Bonjour, voici ma question.',
      'Merci, nous regardons.',
    ]);

    await kafka.publish(
      Topics.dossier,
      'DossierStateChanged',
      dossierId,
      dossierStateChanged({
        dossierId,
        number: 12,
        demarcheId: 'dem-1',
        demarcheNumber: 7,
        groupeInstructeurId: 'g-1',
        usagerEmail: usager.email,
        from: DossierState.EN_INSTRUCTION,
        to: DossierState.ACCEPTE,
        instructeurEmail: undefined,
        version: 4,
      }),
    );
    // Wait for the decision to reach the projection without posting meanwhile: a POST that lands before it
    // would rightly be accepted and add a message.
    const projections = app
      .get<Connection>(getConnectionToken())
      .collection<{ _id: string; state: string }>('dossiers');
    await waitFor(
      async () => (await projections.findOne({ _id: dossierId }))?.state === DossierState.ACCEPTE,
      'the decision in the projection',
    );
    const refused = await call('POST', usager, { body: 'Et maintenant ?' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      error: {
        code: 'MESSAGERIE_FERMEE',
        message: 'La messagerie est fermée : une décision a été rendue sur ce dossier.',
      },
    });
    // The conversation stays readable after the decision.
    expect((await call('GET', instructeur)).status).toBe(200);

    // The relay publishes at least once (consumers dedupe by event id), so keep one copy per event id.
    const events = await waitFor(
      () => {
        const seen = kafka.distinct(Topics.messaging, 'MessageSent');
        return seen.length >= 2 && seen;
      },
      'two MessageSent events',
      30_000,
    );
    const sent = events.map((e) => e.payload);
    expect(sent.map((m) => [m.dossierId, m.senderRole])).toEqual([
      [dossierId, SenderRole.USAGER],
      [dossierId, SenderRole.INSTRUCTEUR],
    ]);
    expect(events.every((e) => e.key === dossierId)).toBe(true);
  });
});
