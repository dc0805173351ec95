// Real Kafka events build the projection; an export job writes a CSV to the real S3 server, read back
// through its presigned download link.
import { ChampType, DossierState, Topics } from '@demarches/contracts';
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
import { AppModule } from './app.module';
import { loadExportConfig } from './config';
import { DossierRecord } from './domain/dossier-record';
import { DossierRecords } from './persistence/ports';

const ns = testNamespace(__filename);
const secret = 'integration-test-internal-secret-0123456789';
const config = loadExportConfig({
  MONGO_URL: localInfrastructure.mongoUrl,
  MONGO_DATABASE: `${ns}export`,
  KAFKA_BROKERS: localInfrastructure.kafkaBrokers.join(','),
  KAFKA_TOPIC_PREFIX: ns,
  REDIS_URL: localInfrastructure.redisUrl,
  QUEUE_PREFIX: ns,
  S3_ENDPOINT: localInfrastructure.s3.endpoint,
  S3_ACCESS_KEY: localInfrastructure.s3.accessKey,
  S3_SECRET_KEY: localInfrastructure.s3.secretKey,
  // A bucket of its own, created by the service at boot.
  S3_BUCKET: `${ns}exports`.replace(/_/g, '-'),
  HTTP_PORT: '0',
  METRICS_PORT: '0',
  LOG_LEVEL: 'warn',
  INTERNAL_TOKEN_SECRET: secret,
});

const demarcheId = `${ns}demarche`;
const dossierId = `${ns}dossier`;
const admin: InternalIdentity = { sub: 'admin-sub', email: 'admin@exemple.fr', roles: ['administrateur'] };

describe('export (real Kafka, FerretDB, Redis, S3)', () => {
  let app: INestApplication;
  let base: string;
  const kafka = new KafkaProbe(ns);

  const call = async (method: 'GET' | 'POST', path: string, who: InternalIdentity, body?: unknown) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        'x-demarches-identity': signInternalIdentity(who, secret),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    await kafka.start([Topics.procedure, Topics.dossier, Topics.export]);
    app = await createServiceApp({ module: AppModule.forRoot(config), config, kafka: kafkaConnector });
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await kafka.stop();
    await app?.close();
  });

  it('is ready once Mongo, Kafka, Redis and S3 answer', async () => {
    const response = await fetch(`${base}/health/ready`);
    const body = (await response.json()) as { checks: Record<string, unknown> };
    expect(response.status).toBe(200);
    expect(Object.keys(body.checks).sort()).toEqual(['kafka', 'mongo', 'redis', 's3']);
  });

  it('exports the dossiers of a démarche to a CSV in S3 that contains the dossier', async () => {
    await kafka.publish(
      Topics.procedure,
      'DemarchePublished',
      demarcheId,
      demarchePublished({
        demarcheId,
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
    await kafka.publish(
      Topics.dossier,
      'DossierDeposited',
      dossierId,
      dossierDeposited({
        dossierId,
        number: 4242,
        demarcheId,
        demarcheNumber: 7,
        demarcheTitle: 'Aide',
        groupeInstructeurId: 'g-1',
        champs: [{ champId: 'c1', label: 'Nom du projet', type: ChampType.TEXT, value: 'Jardin, "partagé"' }],
        depositedAt: new Date('2026-11-20T09:00:00Z'),
        version: 2,
      }),
    );
    await kafka.publish(
      Topics.dossier,
      'DossierStateChanged',
      dossierId,
      dossierStateChanged({
        dossierId,
        number: 4242,
        demarcheId,
        demarcheNumber: 7,
        groupeInstructeurId: 'g-1',
        from: DossierState.EN_INSTRUCTION,
        to: DossierState.ACCEPTE,
        instructeurEmail: undefined,
        at: new Date('2026-11-25T09:00:00Z'),
        version: 4,
      }),
    );

    // The projections are fed from two topics: wait until both reached the service.
    const records = app.get(DossierRecords);
    await waitFor(
      async () => {
        for await (const r of records.stream({
          demarcheId,
          groupeIds: null,
        }) as AsyncIterable<DossierRecord>) {
          if (r.state === DossierState.ACCEPTE) return r;
        }
        return undefined;
      },
      'the dossier projection',
      30_000,
    );
    const requested = await waitFor(
      async () => {
        const r = await call('POST', '/exports', admin, { demarcheId, format: 'csv' });
        return r.status === 202 ? r : undefined;
      },
      'the démarche projection',
      30_000,
    );
    const exportId = String(requested.body.id);

    const done = await waitFor(
      async () => {
        const r = await call('GET', `/exports/${exportId}`, admin);
        return r.body.status === 'done' ? r.body : undefined;
      },
      'the export to finish',
      30_000,
    );
    expect(done).toMatchObject({ id: exportId, demarcheId, format: 'csv', dossierCount: 1 });

    const download = await fetch(String(done.downloadUrl));
    expect(download.status).toBe(200);
    const bytes = Buffer.from(await download.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Numéro,État,Date de dépôt,Date de passage en instruction,Date de décision,Motivation,E-mail usager,Nom du projet',
    );
    expect(lines[1]).toBe(
      '4242,Accepté,2026-11-20 10:00,,2026-11-25 10:00,,usager@exemple.fr,"Jardin, ""partagé"""',
    );

    // Someone else cannot follow that export.
    const other = { ...admin, sub: 'other-admin' };
    expect((await call('GET', `/exports/${exportId}`, other)).status).toBe(404);

    const completed = await waitFor(
      () =>
        kafka.distinct(Topics.export, 'ExportCompleted').find((e) => e.payload.exportId === exportId)
          ?.payload,
      'the ExportCompleted event',
      30_000,
    );
    expect(completed).toMatchObject({
      demarcheId,
      dossierCount: 1,
      objectKey: `exports/${demarcheId}/${exportId}.csv`,
    });
    expect(completed?.sizeBytes).toBe(bytes.length);
  });
});
