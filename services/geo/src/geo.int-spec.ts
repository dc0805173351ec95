import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import mongoose from 'mongoose';
import { CommandTopics } from '@demarches/contracts';
import { CommandClient, KafkaModule } from '@demarches/platform-kafka';
import {
  localInfrastructure,
  startServiceProcess,
  testNamespace,
  type ServiceProcess,
} from '@demarches/testing';

const NAMESPACE = testNamespace(__filename);

describe('geo (real Kafka and FerretDB, geo process)', () => {
  let url: string;
  let service: ServiceProcess;
  let caller: INestApplicationContext;

  beforeAll(async () => {
    service = await startServiceProcess('geo', {
      MONGO_URL: localInfrastructure.mongoUrl,
      MONGO_DATABASE: `${NAMESPACE}geo`,
      KAFKA_BROKERS: localInfrastructure.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: NAMESPACE,
      INTERNAL_TOKEN_SECRET: `test-${randomBytes(24).toString('hex')}`,
    });
    url = service.url;
    // Another service's side of the command: the platform's CommandClient.
    caller = await NestFactory.createApplicationContext(
      KafkaModule.forRoot({
        clientId: 'geo-int-caller',
        brokers: [...localInfrastructure.kafkaBrokers],
        groupId: 'geo-int-caller',
        topicPrefix: NAMESPACE,
      }),
      { logger: false },
    );
  });

  afterAll(async () => {
    await caller?.close();
    const code = await service?.stop();
    const db = await mongoose
      .createConnection(localInfrastructure.mongoUrl, { dbName: `${NAMESPACE}geo` })
      .asPromise();
    await db.dropDatabase().catch(() => undefined);
    await db.close();
    expect(code).toBe(0);
  });

  it('answers a commune search over HTTP without identity, naming its source', async () => {
    const response = await fetch(`${url}/geo/communes?q=saint%20etienne&limit=3`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { source: string; communes: { codeInsee: string }[] };
    expect(body.source).toMatch(/^@etalab\/decoupage-administratif@\d+\.\d+\.\d+$/);
    expect(body.communes[0]?.codeInsee).toBe('42218');
    expect(body.communes).toHaveLength(3);
  });

  it('answers CommuneLookup over Kafka request-reply, by name, postal code and INSEE code', async () => {
    const client = caller.get(CommandClient);
    const byName = await client.send(
      CommandTopics.communeLookup,
      { query: 'lyon', limit: 1 },
      { timeoutMs: 30_000 },
    );
    expect(byName.communes[0]).toMatchObject({ codeInsee: '69123', name: 'Lyon', departementCode: '69' });
    const byPostalCode = await client.send(
      CommandTopics.communeLookup,
      { codePostal: '97400', limit: 5 },
      { timeoutMs: 30_000 },
    );
    expect(byPostalCode.communes.map((c) => c.name)).toContain('Saint-Denis');
    const byCode = await client.send(
      CommandTopics.communeLookup,
      { codeInsee: '2B033', limit: 0 },
      { timeoutMs: 30_000 },
    );
    expect(byCode.communes).toEqual([expect.objectContaining({ name: 'Bastia', departementCode: '2B' })]);
  });

  it('replies with the coded error for an unknown INSEE code', async () => {
    await expect(
      caller
        .get(CommandClient)
        .send(CommandTopics.communeLookup, { codeInsee: '00000', limit: 0 }, { timeoutMs: 30_000 }),
    ).rejects.toMatchObject({
      code: 'COMMUNE_NOT_FOUND',
      kind: 'not_found',
    });
  });

  it('is ready once the reference data is indexed and Kafka and MongoDB answer', async () => {
    const response = await fetch(`${url}/health/ready`);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      checks: { 'reference-data': { status: 'up' }, kafka: { status: 'up' }, mongo: { status: 'up' } },
    });
  });
});
