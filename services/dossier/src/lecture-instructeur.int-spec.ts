// Instructeurs read the dossiers of their groupe against the real infrastructure: the groupes and their instructeurs
// come from the DemarchePublished snapshot on Kafka; the dossier, its PDF and its files (a real S3 upload through
// the presigned URL, a real signed download link) are open to an instructeur of the dossier's groupe once deposited,
// never as a brouillon, and never to an instructeur of another groupe (404, as for a dossier that does not exist).
import { ChampType, Topics } from '@demarches/contracts';
import { type InternalIdentity, signInternalIdentity } from '@demarches/platform-auth';
import { pdfInfoTitle } from '@demarches/pdf';
import { kafkaConnector } from '@demarches/platform-kafka';
import { createServiceApp } from '@demarches/platform-runtime';
import { ObjectStorage, storageOptionsFromEnv } from '@demarches/platform-storage';
import {
  demarchePublished,
  internalHttpClient,
  KafkaProbe,
  type ServiceCaller,
  serviceTestEnv,
  TEST_INTERNAL_TOKEN_SECRET,
  testNamespace,
  waitFor,
} from '@demarches/testing';
import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppModule } from './app.module';
import { loadDossierConfig } from './config';
import { envoyerCommeUnNavigateur, sha256Hex } from './pieces-jointes/testing/navigateur';

const namespace = testNamespace(__filename);
const probe = new KafkaProbe(namespace);
const env = serviceTestEnv(namespace, 'dossier');
const config = loadDossierConfig(env);
const storage = new ObjectStorage(storageOptionsFromEnv(config));

const owner: InternalIdentity = { sub: 'sub-li-owner', email: 'li-owner@exemple.fr', roles: ['usager'] };
const instructeur: InternalIdentity = {
  sub: 'sub-li-instructeur',
  email: 'Instructrice.Lyon@Exemple.gouv.fr',
  roles: ['instructeur'],
};
const autreInstructeur: InternalIdentity = {
  sub: 'sub-li-autre',
  email: 'instructeur.paris@exemple.gouv.fr',
  roles: ['instructeur'],
};
const tiers: InternalIdentity = { sub: 'sub-li-tiers', email: 'li-tiers@exemple.fr', roles: ['usager'] };

const villeId = randomUUID();
const pieceId = randomUUID();
const slug = `lecture-${randomUUID().slice(0, 8)}`;
const demarche = demarchePublished({
  slug,
  title: 'Aide à la rénovation',
  champs: [
    {
      id: villeId,
      type: ChampType.DROP_DOWN_LIST,
      label: 'Ville',
      description: '',
      mandatory: true,
      options: ['Lyon', 'Paris'],
      children: [],
      settingsJson: '',
    },
    {
      id: pieceId,
      type: ChampType.PIECE_JUSTIFICATIVE,
      label: 'Devis',
      description: '',
      mandatory: false,
      options: [],
      children: [],
      settingsJson: '',
    },
  ],
  groupesInstructeurs: [
    {
      id: 'g-paris',
      label: 'Paris',
      instructeurEmails: ['instructeur.paris@exemple.gouv.fr'],
      routingValues: ['Paris'],
      closed: false,
      isDefault: true,
    },
    {
      id: 'g-lyon',
      label: 'Lyon',
      instructeurEmails: ['instructrice.lyon@exemple.gouv.fr'],
      routingValues: ['Lyon'],
      closed: false,
      isDefault: false,
    },
  ],
  routingChampId: villeId,
});

let app: INestApplication;
let http: ServiceCaller;
let dossierId = '';
let pieceJointeId = '';
const devis = Buffer.from('%PDF-1.4\nDevis de rénovation, 12 000 €\n');

beforeAll(async () => {
  await probe.start([Topics.procedure, Topics.dossier]);
  await storage.ensureBucket();
  app = await createServiceApp({ module: AppModule.forRoot(config), config, kafka: kafkaConnector });
  await app.listen(0, '127.0.0.1');
  http = internalHttpClient(await app.getUrl());
  await probe.publish(Topics.procedure, 'DemarchePublished', demarche.demarcheId, demarche);
  const created = await waitFor(async () => {
    const response = await http(owner, 'POST', `/commencer/${slug}/dossiers`);
    return response.status === 201 ? response : undefined;
  }, 'the published démarche');
  dossierId = created.body.id as string;
  expect(
    (
      await http(owner, 'PUT', `/dossiers/${dossierId}/identite/particulier`, {
        civilite: 'Mme',
        nom: 'Curie',
        prenom: 'Marie',
      })
    ).status,
  ).toBe(200);
  const started = await http(owner, 'POST', `/dossiers/${dossierId}/pieces-jointes`, {
    champId: pieceId,
    fileName: 'devis.pdf',
    contentType: 'application/pdf',
    size: devis.length,
    sha256: sha256Hex(devis),
  });
  expect(started.status).toBe(201);
  pieceJointeId = started.body.pieceJointe.id as string;
  await envoyerCommeUnNavigateur(started.body.envoi, devis);
  expect(
    (await http(owner, 'POST', `/dossiers/${dossierId}/pieces-jointes/${pieceJointeId}/confirmer`, {}))
      .status,
  ).toBe(200);
  expect(
    (
      await http(owner, 'PATCH', `/dossiers/${dossierId}/champs`, {
        values: { [villeId]: 'Lyon', [pieceId]: { attachmentIds: [pieceJointeId] } },
      })
    ).status,
  ).toBe(200);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await probe.stop();
  storage.onApplicationShutdown();
});

const lectures = () => [
  `/dossiers/${dossierId}`,
  `/dossiers/${dossierId}/pdf`,
  `/dossiers/${dossierId}/pieces-jointes`,
  `/dossiers/${dossierId}/pieces-jointes/${pieceJointeId}/telechargement`,
];

describe('instructeurs reading a dossier', () => {
  it('hides a brouillon from every instructeur, even of the groupe it would go to', async () => {
    for (const path of lectures()) {
      const response = await http(instructeur, 'GET', path);
      expect({ path, status: response.status, code: response.body.error?.code }).toEqual({
        path,
        status: 404,
        code: 'DOSSIER_NOT_FOUND',
      });
    }
  });

  it('opens the deposited dossier, its PDF and its files to an instructeur of its groupe only', async () => {
    const deposited = await http(owner, 'POST', `/dossiers/${dossierId}/deposer`, {});
    expect(deposited).toMatchObject({
      status: 200,
      body: { state: 'en_construction', groupeInstructeurId: 'g-lyon' },
    });

    const dossier = await http(instructeur, 'GET', `/dossiers/${dossierId}`);
    expect(dossier).toMatchObject({ status: 200, body: { id: dossierId, state: 'en_construction' } });
    expect(dossier.body.champs[villeId]).toBe('Lyon');

    const pdf = await fetch(`${await app.getUrl()}/dossiers/${dossierId}/pdf`, {
      headers: { 'x-demarches-identity': signInternalIdentity(instructeur, TEST_INTERNAL_TOKEN_SECRET) },
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdfInfoTitle(Buffer.from(await pdf.arrayBuffer()))).toContain('Aide à la rénovation');

    const list = await http(instructeur, 'GET', `/dossiers/${dossierId}/pieces-jointes`);
    expect(list.status).toBe(200);
    expect(list.body.piecesJointes.map((piece: { id: string }) => piece.id)).toEqual([pieceJointeId]);

    const link = await http(
      instructeur,
      'GET',
      `/dossiers/${dossierId}/pieces-jointes/${pieceJointeId}/telechargement`,
    );
    expect(link.status).toBe(200);
    const downloaded = await fetch(link.body.url as string);
    expect(downloaded.status).toBe(200);
    expect(Buffer.from(await downloaded.arrayBuffer()).equals(devis)).toBe(true);

    for (const who of [autreInstructeur, tiers]) {
      for (const path of lectures()) {
        const response = await http(who, 'GET', path);
        expect({ who: who.email, path, status: response.status }).toEqual({
          who: who.email,
          path,
          status: 404,
        });
      }
    }
  });

  it('never lets an instructeur edit, deposit or invite through the usager routes', async () => {
    const edit = await http(instructeur, 'PATCH', `/dossiers/${dossierId}/champs`, {
      values: { [villeId]: 'Paris' },
    });
    expect(edit.status).toBe(404);
    const invite = await http(instructeur, 'POST', `/dossiers/${dossierId}/invites`, {
      email: 'x@exemple.fr',
      message: '',
    });
    expect(invite.status).toBe(404);
  });

  it('follows the routing: when the usager moves the dossier to Paris, the Paris instructeur reads it and Lyon no longer does', async () => {
    const moved = await http(owner, 'PATCH', `/dossiers/${dossierId}/champs`, {
      values: { [villeId]: 'Paris' },
    });
    expect(moved).toMatchObject({ status: 200, body: { groupeInstructeurId: 'g-paris' } });
    expect((await http(autreInstructeur, 'GET', `/dossiers/${dossierId}`)).status).toBe(200);
    expect((await http(instructeur, 'GET', `/dossiers/${dossierId}`)).status).toBe(404);
  });
});
