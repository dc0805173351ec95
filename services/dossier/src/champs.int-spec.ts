// Champ values checked by the real geo service over real Kafka (ADR 0013): référentiels, communes, adresses and the
// carte go through geo's request-reply commands; the usager works through dossier's HTTP API.
import { ChampType, type PayloadOf, Topics } from '@demarches/contracts';
import type { InternalIdentity } from '@demarches/platform-auth';
import { kafkaConnector } from '@demarches/platform-kafka';
import { createServiceApp } from '@demarches/platform-runtime';
import {
  demarchePublished,
  internalHttpClient,
  KafkaProbe,
  localInfrastructure,
  serviceTestEnv,
  startServiceProcess,
  testNamespace,
  waitFor,
  type ServiceCaller,
  type ServiceProcess,
} from '@demarches/testing';
import { INestApplication } from '@nestjs/common';
import mongoose from 'mongoose';
import { randomUUID } from 'node:crypto';
import { AppModule } from './app.module';
import { loadDossierConfig } from './config';

const namespace = testNamespace(__filename);
const probe = new KafkaProbe(namespace);
const usager: InternalIdentity = { sub: 'sub-champs', email: 'champs@exemple.fr', roles: ['usager'] };
const autre: InternalIdentity = { sub: 'sub-autre', email: 'autre@exemple.fr', roles: ['usager'] };
const demarcheId = randomUUID();
const id = {
  region: randomUUID(),
  departement: randomUUID(),
  commune: randomUUID(),
  epci: randomUUID(),
  pays: randomUUID(),
  adresse: randomUUID(),
  carte: randomUUID(),
  lien: randomUUID(),
  bloc: randomUUID(),
  blocCommune: randomUUID(),
  blocNom: randomUUID(),
};

let geo: ServiceProcess;
let app: INestApplication;
let http: ServiceCaller;
let dossierId = '';

type PublishedChamp = PayloadOf<typeof Topics.procedure, 'DemarchePublished'>['champs'][number];

const champ = (
  champId: string,
  type: ChampType,
  label: string,
  children: PublishedChamp[] = [],
): PublishedChamp => ({
  id: champId,
  type,
  label,
  description: '',
  mandatory: false,
  options: [],
  children,
  settingsJson: '',
});

const save = (identity: InternalIdentity, dossier: string, values: Record<string, unknown>) =>
  http(identity, 'PATCH', `/dossiers/${dossier}/champs`, { values });

beforeAll(async () => {
  geo = await startServiceProcess('geo', {
    MONGO_URL: localInfrastructure.mongoUrl,
    MONGO_DATABASE: `${namespace}geo`,
    KAFKA_BROKERS: localInfrastructure.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: namespace,
    // No BAN in tests: a BAN pick is kept unverified, as when the real BAN is down.
    BAN_URL: 'http://127.0.0.1:9',
    BAN_TIMEOUT_MS: '300',
    INTERNAL_TOKEN_SECRET: `test-${randomUUID()}`,
  });
  await probe.start([Topics.procedure, Topics.dossier]);
  const config = loadDossierConfig(serviceTestEnv(namespace, 'dossier', { GEO_COMMAND_TIMEOUT_MS: '30000' }));
  app = await createServiceApp({ module: AppModule.forRoot(config), config, kafka: kafkaConnector });
  await app.listen(0, '127.0.0.1');
  http = internalHttpClient(await app.getUrl());

  await probe.publish(
    Topics.procedure,
    'DemarchePublished',
    demarcheId,
    demarchePublished({
      demarcheId,
      slug: 'territoires-champs',
      champs: [
        champ(id.region, ChampType.REGIONS, 'Région'),
        champ(id.departement, ChampType.DEPARTEMENTS, 'Département'),
        champ(id.commune, ChampType.COMMUNES, 'Commune'),
        champ(id.epci, ChampType.EPCI, 'EPCI'),
        champ(id.pays, ChampType.PAYS, 'Pays'),
        champ(id.adresse, ChampType.ADDRESS, 'Adresse du projet'),
        champ(id.carte, ChampType.CARTE, 'Emprise du projet'),
        champ(id.lien, ChampType.DOSSIER_LINK, 'Dossier précédent'),
        champ(id.bloc, ChampType.REPETITION, 'Sites', [
          champ(id.blocNom, ChampType.TEXT, 'Nom du site'),
          champ(id.blocCommune, ChampType.COMMUNES, 'Commune du site'),
        ]),
      ],
      version: 1,
    }),
  );
  await waitFor(async () => {
    const page = await http(null, 'GET', '/commencer/territoires-champs');
    return page.status === 200 ? page : undefined;
  }, 'the published revision');
  const created = await http(usager, 'POST', '/commencer/territoires-champs/dossiers');
  expect(created.status).toBe(201);
  dossierId = created.body.id;
}, 180_000);

afterAll(async () => {
  await app?.close();
  await probe.stop();
  const code = await geo?.stop();
  const db = await mongoose
    .createConnection(localInfrastructure.mongoUrl, { dbName: `${namespace}geo` })
    .asPromise();
  await db.dropDatabase().catch(() => undefined);
  await db.close();
  expect(code).toBe(0);
});

describe('champ values checked by geo', () => {
  it('stores référentiel codes with the names geo knows', async () => {
    const saved = await save(usager, dossierId, {
      [id.region]: '84',
      [id.departement]: '2b',
      [id.commune]: '2B033',
      [id.epci]: { code: '200046977' },
      [id.pays]: 'de',
    });
    expect(saved.status).toBe(200);
    expect(saved.body.champs).toMatchObject({
      [id.region]: { code: '84', nom: 'Auvergne-Rhône-Alpes' },
      [id.departement]: { code: '2B', nom: 'Haute-Corse' },
      [id.commune]: { code: '2B033', nom: 'Bastia', departement: '2B' },
      [id.epci]: { code: '200046977', nom: 'Métropole de Lyon' },
      [id.pays]: { code: 'DE', nom: 'Allemagne' },
    });
    const event = await waitFor(
      () =>
        probe.of(
          'DossierUpdated',
          (p) => p.dossierId === dossierId && (p.changedChampIds as string[]).includes(id.epci),
        )[0],
      'DossierUpdated',
    );
    expect(event.payload.champs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ champId: id.departement, value: 'Haute-Corse (2B)' }),
        expect.objectContaining({ champId: id.commune, value: expect.stringMatching(/^Bastia \(2B033/) }),
      ]),
    );
  });

  it('refuses unknown codes, every one reported in a single error', async () => {
    const refused = await save(usager, dossierId, {
      [id.region]: '99',
      [id.departement]: '2B',
      [id.commune]: { code: '69123', postcode: '75001' },
      [id.epci]: '000000000',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('CHAMP_INVALID');
    expect(refused.body.error.details.problems.map((p: { champId: string }) => p.champId)).toEqual([
      id.region,
      id.commune,
      id.epci,
    ]);
    expect(refused.body.error.message).toContain("« Région » n'est pas une région connue");
    expect(refused.body.error.message).toContain("le code postal 75001 n'est pas celui de Lyon");
  });

  it('checks the communes of every row of a bloc répétable', async () => {
    const refused = await save(usager, dossierId, {
      [id.bloc]: [
        { [id.blocNom]: 'Site A', [id.blocCommune]: '69123' },
        { [id.blocNom]: 'Site B', [id.blocCommune]: '99999' },
      ],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.problems).toEqual([
      expect.objectContaining({ champId: id.blocCommune, repetitionId: id.bloc, row: 2 }),
    ]);
    const saved = await save(usager, dossierId, {
      [id.bloc]: [{ [id.blocNom]: 'Site A', [id.blocCommune]: '69123' }],
    });
    expect(saved.body.champs[id.bloc]).toEqual([
      { [id.blocNom]: 'Site A', [id.blocCommune]: { code: '69123', nom: 'Lyon', departement: '69' } },
    ]);
  });

  it('keeps a typed address as manual and a BAN pick unverified while the BAN is unreachable', async () => {
    const manual = await save(usager, dossierId, { [id.adresse]: 'Ferme du Bois,   39100 Dole' });
    expect(manual.body.champs[id.adresse]).toEqual({
      label: 'Ferme du Bois, 39100 Dole',
      manual: true,
      verified: false,
    });
    const pick = await save(usager, dossierId, {
      [id.adresse]: {
        banId: '75107_8909_00020',
        label: '20 Avenue de Ségur 75007 Paris',
        coordinates: [2.3077, 48.8497],
        verified: true,
      },
    });
    expect(pick.status).toBe(200);
    expect(pick.body.champs[id.adresse]).toMatchObject({
      banId: '75107_8909_00020',
      manual: false,
      verified: false,
      coordinates: [2.3077, 48.8497],
    });
  });

  it('stores the carte as geo normalised it and refuses an invalid drawing with its reason', async () => {
    const ring = [
      [4.8, 45.7, 170],
      [4.81, 45.7, 171],
      [4.81, 45.71, 172],
      [4.8, 45.7, 170],
    ];
    const saved = await save(usager, dossierId, {
      [id.carte]: {
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }],
      },
    });
    expect(saved.status).toBe(200);
    // geo drops the altitude: 2D positions only.
    expect(saved.body.champs[id.carte].features[0].geometry.coordinates[0][0]).toEqual([4.8, 45.7]);

    const invalid = await save(usager, dossierId, {
      [id.carte]: {
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [200, 45] } }],
      },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.message).toMatch(/« Emprise du projet » n'est pas un tracé valide/);
  });

  it('links only a dossier the usager may reference, with one answer for unknown and foreign dossiers', async () => {
    const foreign = await http(autre, 'POST', '/commencer/territoires-champs/dossiers');
    const mine = await http(usager, 'POST', '/commencer/territoires-champs/dossiers');
    const numero = (await http(usager, 'GET', `/dossiers/${dossierId}`)).body.number as number;
    const reasons = async (value: unknown) =>
      (await save(usager, dossierId, { [id.lien]: value })).body.error?.message as string;
    expect(await reasons(foreign.body.number)).toContain("n'existe pas ou vous n'y avez pas accès");
    expect(await reasons(99_999_999)).toContain("n'existe pas ou vous n'y avez pas accès");
    expect(await reasons(mine.body.number)).toContain("n'a pas encore été déposé");
    expect(await reasons(numero)).toContain('ce dossier lui-même');
  });
});
