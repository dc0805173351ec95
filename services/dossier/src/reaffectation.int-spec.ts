// When the administrateurs delete a groupe instructeur, its dossiers go to the default groupe: the next snapshot
// (real Kafka) moves them, records it in the history and tells instruction with a DossierUpdated.
import { ChampType, ConditionOperator, Topics } from '@demarches/contracts';
import type { InternalIdentity } from '@demarches/platform-auth';
import { kafkaConnector } from '@demarches/platform-kafka';
import { createServiceApp } from '@demarches/platform-runtime';
import {
  demarchePublished,
  internalHttpClient,
  KafkaProbe,
  serviceTestEnv,
  testNamespace,
  waitFor,
  type ServiceCaller,
} from '@demarches/testing';
import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppModule } from './app.module';
import { loadDossierConfig } from './config';

const namespace = testNamespace(__filename);
const probe = new KafkaProbe(namespace);
const usager: InternalIdentity = { sub: 'sub-usager', email: 'usager@exemple.fr', roles: ['usager'] };
const demarcheId = randomUUID();
const secteur = randomUUID();
let app: INestApplication;
let http: ServiceCaller;

const nord = {
  id: 'groupe-nord',
  label: 'Secteur Nord',
  instructeurEmails: ['nord@exemple.fr'],
  routingValues: [],
  closed: false,
  isDefault: true,
};
const sud = {
  id: 'groupe-sud',
  label: 'Secteur Sud',
  instructeurEmails: ['sud@exemple.fr'],
  routingValues: ['Sud'],
  closed: false,
  isDefault: false,
  routingRule: { comparison: { champId: secteur, operator: ConditionOperator.EQUALS, value: 'Sud' } },
};

const snapshot = (groupes: (typeof nord | typeof sud)[], version: number) =>
  demarchePublished({
    demarcheId,
    slug: `reaffectation-${demarcheId.slice(0, 8)}`,
    champs: [
      {
        id: secteur,
        type: ChampType.DROP_DOWN_LIST,
        label: 'Secteur',
        description: '',
        mandatory: true,
        options: ['Nord', 'Sud'],
        children: [],
        settingsJson: '',
      },
    ],
    groupesInstructeurs: groupes,
    routingChampId: secteur,
    version,
  });

beforeAll(async () => {
  await probe.start([Topics.procedure, Topics.dossier]);
  const config = loadDossierConfig(serviceTestEnv(namespace, 'dossier'));
  app = await createServiceApp({ module: AppModule.forRoot(config), config, kafka: kafkaConnector });
  await app.listen(0, '127.0.0.1');
  http = internalHttpClient(await app.getUrl());
  await probe.publish(Topics.procedure, 'DemarchePublished', demarcheId, snapshot([nord, sud], 3));
}, 120_000);

afterAll(async () => {
  await app?.close();
  await probe.stop();
});

it('moves the dossiers of a deleted groupe to the default groupe, once', async () => {
  const slug = `reaffectation-${demarcheId.slice(0, 8)}`;
  await waitFor(async () => {
    const page = await http(null, 'GET', `/commencer/${slug}`);
    return page.status === 200 ? page : undefined;
  }, 'the published revision');
  const created = await http(usager, 'POST', `/commencer/${slug}/dossiers`);
  const dossierId: string = created.body.id;
  await http(usager, 'PUT', `/dossiers/${dossierId}/identite/particulier`, {
    civilite: 'M.',
    nom: 'Martin',
    prenom: 'Paul',
  });
  await http(usager, 'PATCH', `/dossiers/${dossierId}/champs`, { values: { [secteur]: 'Sud' } });
  const deposited = await http(usager, 'POST', `/dossiers/${dossierId}/deposer`);
  expect(deposited.body).toMatchObject({ state: 'en_construction', groupeInstructeurId: 'groupe-sud' });

  // The administrateurs delete « Secteur Sud »: the next snapshot no longer has it.
  await probe.publish(Topics.procedure, 'DemarchePublished', demarcheId, snapshot([nord], 4));
  const moved = await waitFor(
    () =>
      probe.of('DossierUpdated', (p) => p.dossierId === dossierId && p.authorEmail === 'administration')[0],
    'DossierUpdated moving the dossier to the default groupe',
  );
  expect(moved.payload).toMatchObject({ groupeInstructeurId: 'groupe-nord', changedChampIds: [] });
  const dossier = await http(usager, 'GET', `/dossiers/${dossierId}`);
  expect(dossier.body.groupeInstructeurId).toBe('groupe-nord');
  expect(dossier.body.history.at(-1)).toMatchObject({
    action: 'reaffecter',
    groupeInstructeurId: 'groupe-nord',
  });

  // A replayed older snapshot (with the deleted groupe) moves nothing back.
  await probe.publish(Topics.procedure, 'DemarchePublished', demarcheId, snapshot([nord, sud], 3));
  await probe.publish(Topics.procedure, 'DemarchePublished', demarcheId, snapshot([nord], 5));
  await waitFor(async () => {
    const again = await http(usager, 'GET', `/dossiers/${dossierId}`);
    return again.body.version === dossier.body.version ? again : undefined;
  }, 'the dossier unchanged');
  expect(
    probe.of('DossierUpdated', (p) => p.dossierId === dossierId && p.authorEmail === 'administration'),
  ).toHaveLength(1);
});
