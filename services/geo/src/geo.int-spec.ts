import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import mongoose from 'mongoose';
import { CommandTopics, ReferentielKind } from '@demarches/contracts';
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

  it('narrows a commune search to a département and includes communes déléguées on request', async () => {
    const inReunion = (await (await fetch(`${url}/geo/communes?q=saint%20denis&departement=974`)).json()) as {
      communes: { codeInsee: string }[];
    };
    expect(inReunion.communes[0]?.codeInsee).toBe('97411');
    const former = (await (
      await fetch(`${url}/geo/communes?q=annecy%20le%20vieux&types=commune-actuelle,commune-deleguee`)
    ).json()) as { communes: { type: string; chefLieu?: string }[] };
    expect(former.communes[0]).toMatchObject({ type: 'commune-deleguee', chefLieu: '74010' });
    const invalid = await fetch(`${url}/geo/communes?q=annecy&types=arrondissement`);
    expect(invalid.status).toBe(400);
  });

  it('serves the régions, départements, EPCI and pays référentiels over HTTP without identity', async () => {
    const json = async (path: string): Promise<{ status: number; body: unknown }> => {
      const response = await fetch(`${url}${path}`);
      return { status: response.status, body: await response.json() };
    };
    expect(await json('/geo/regions')).toMatchObject({ status: 200, body: { regions: expect.any(Array) } });
    expect(await json('/geo/regions/04')).toMatchObject({ body: { region: { nom: 'La Réunion' } } });
    expect(await json('/geo/departements?q=corse')).toMatchObject({
      body: { departements: [{ code: '2A' }, { code: '2B' }] },
    });
    expect(await json('/geo/departements/20')).toMatchObject({
      status: 404,
      body: { error: { code: 'DEPARTEMENT_NOT_FOUND' } },
    });
    expect(await json('/geo/epci?q=metropole%20de%20lyon&limit=1')).toMatchObject({
      body: { epcis: [{ code: '200046977' }] },
    });
    expect(await json('/geo/epci/200046977')).toMatchObject({ body: { epci: { nom: 'Métropole de Lyon' } } });
    expect(await json('/geo/pays?q=allemagne')).toMatchObject({
      body: { source: expect.stringMatching(/^i18n-iso-countries@/), pays: [{ code: 'DE' }] },
    });
    expect(await json('/geo/pays/us')).toMatchObject({ body: { pays: { code: 'US' } } });
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

  it('validates a carte champ value over Kafka request-reply, with coded refusals', async () => {
    const client = caller.get(CommandClient);
    const parcelle = {
      type: 'Polygon',
      coordinates: [
        [
          [4.8, 45.7],
          [4.81, 45.7],
          [4.81, 45.71],
          [4.8, 45.71],
          [4.8, 45.7],
        ],
      ],
    };
    const ok = await client.send(CommandTopics.validerCarte, {
      geojson: JSON.stringify({ type: 'Feature', properties: {}, geometry: parcelle }),
    });
    expect(ok).toMatchObject({ featureCount: 1 });
    expect(ok.totalAreaM2).toBeGreaterThan(800_000);
    const outOfRange = {
      type: 'Feature',
      properties: {},
      geometry: { type: 'Point', coordinates: [200, 45] },
    };
    await expect(
      client.send(CommandTopics.validerCarte, { geojson: JSON.stringify(outOfRange) }),
    ).rejects.toMatchObject({ code: 'CARTE_INVALIDE' });
  });

  it('checks référentiel codes and manual addresses over Kafka request-reply', async () => {
    const client = caller.get(CommandClient);
    await expect(
      client.send(CommandTopics.referentielLookup, { kind: ReferentielKind.DEPARTEMENT, code: '2B' }),
    ).resolves.toMatchObject({ code: '2B', nom: 'Haute-Corse' });
    await expect(
      client.send(CommandTopics.referentielLookup, { kind: ReferentielKind.PAYS, code: 'XX' }),
    ).rejects.toMatchObject({ code: 'PAYS_NOT_FOUND' });
    await expect(
      client.send(CommandTopics.validerAdresse, {
        manuelle: { label: 'Ferme du Bois', postcode: '39100', city: 'Dole' },
      }),
    ).resolves.toMatchObject({ manual: true, label: 'Ferme du Bois' });
  });

  it('is ready once the reference data is indexed and Kafka and MongoDB answer', async () => {
    const response = await fetch(`${url}/health/ready`);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      checks: { 'reference-data': { status: 'up' }, kafka: { status: 'up' }, mongo: { status: 'up' } },
    });
  });
});
