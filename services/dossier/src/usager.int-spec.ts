// The usager's side against the real infrastructure: identity step (API Entreprise through a local fake, with its
// degraded mode), co-construction, lists, deletion, déclaratif dépôt, routing, test dossiers; every change leaves
// as an event on Kafka.
import {
  ChampType,
  DeclarativeMode,
  DeletionReason,
  DossierState,
  PublicCible,
  Topics,
} from '@demarches/contracts';
import type { InternalIdentity } from '@demarches/platform-auth';
import { kafkaConnector } from '@demarches/platform-kafka';
import { createServiceApp } from '@demarches/platform-runtime';
import {
  demarchePublished,
  internalHttpClient,
  KafkaProbe,
  type ServiceCaller,
  serviceTestEnv,
  testNamespace,
  waitFor,
} from '@demarches/testing';
import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppModule } from './app.module';
import { loadDossierConfig } from './config';
import { FAKE_API_ENTREPRISE_TOKEN, FakeApiEntrepriseServer } from './testing/fake-api-entreprise.server';

const namespace = testNamespace(__filename);
const probe = new KafkaProbe(namespace);
const apiEntreprise = new FakeApiEntrepriseServer();
const owner: InternalIdentity = { sub: 'sub-owner', email: 'owner@exemple.fr', roles: ['usager'] };
const invite: InternalIdentity = { sub: 'sub-invite', email: 'Coauteur@Exemple.fr', roles: ['usager'] };
const tiers: InternalIdentity = { sub: 'sub-tiers', email: 'tiers@exemple.fr', roles: ['usager'] };
const admin: InternalIdentity = { sub: 'sub-admin', email: 'admin@exemple.fr', roles: ['administrateur'] };
let app: INestApplication;
let http: ServiceCaller;

const nomId = randomUUID();
const communeId = randomUUID();
const champs = [
  {
    id: nomId,
    type: ChampType.TEXT,
    label: 'Nom du projet',
    description: '',
    mandatory: true,
    options: [],
    children: [],
    settingsJson: '',
  },
  {
    id: communeId,
    type: ChampType.DROP_DOWN_LIST,
    label: 'Ville',
    description: '',
    mandatory: false,
    options: ['Lyon', 'Paris'],
    children: [],
    settingsJson: '',
  },
];
const groupe = (id: string, routingValues: string[], isDefault = false) => ({
  id,
  label: id,
  instructeurEmails: ['instructeur@exemple.fr'],
  routingValues,
  closed: false,
  isDefault,
});

const particulier = demarchePublished({
  title: 'Aide aux particuliers',
  champs,
  groupesInstructeurs: [groupe('g-defaut', [], true), groupe('g-lyon', ['Lyon'])],
  routingChampId: communeId,
});
const entreprises = demarchePublished({
  title: 'Aide aux entreprises',
  champs,
  publicCible: PublicCible.PERSONNE_MORALE,
});
const declarative = demarchePublished({
  title: 'Déclaration',
  champs,
  declarativeMode: DeclarativeMode.ACCEPTE,
});
const enTest = demarchePublished({
  title: 'En test',
  champs,
  enTest: true,
  administrateurEmails: ['admin@exemple.fr'],
});

async function published(slug: string): Promise<void> {
  await waitFor(async () => {
    const response = await http(null, 'GET', `/commencer/${slug}`);
    return response.status === 200 ? response : undefined;
  }, `the démarche ${slug}`);
}

async function start(slug: string, who = owner, path = `/commencer/${slug}/dossiers`) {
  const created = await http(who, 'POST', path);
  expect(created.status).toBe(201);
  return created.body as { id: string; version: number; number: number };
}

async function particulierPret(id: string) {
  expect(
    (
      await http(owner, 'PUT', `/dossiers/${id}/identite/particulier`, {
        civilite: 'M.',
        nom: 'Pasteur',
        prenom: 'Louis',
      })
    ).status,
  ).toBe(200);
  expect(
    (await http(owner, 'PATCH', `/dossiers/${id}/champs`, { values: { [nomId]: 'Projet' } })).status,
  ).toBe(200);
}

beforeAll(async () => {
  await probe.start([Topics.procedure, Topics.dossier]);
  await apiEntreprise.start();
  const config = loadDossierConfig(
    serviceTestEnv(namespace, 'dossier', {
      API_ENTREPRISE_URL: apiEntreprise.url,
      API_ENTREPRISE_TOKEN: FAKE_API_ENTREPRISE_TOKEN,
      API_ENTREPRISE_TIMEOUT_MS: '300',
    }),
  );
  app = await createServiceApp({ module: AppModule.forRoot(config), config, kafka: kafkaConnector });
  await app.listen(0, '127.0.0.1');
  http = internalHttpClient(await app.getUrl());
  for (const event of [particulier, entreprises, declarative, enTest]) {
    await probe.publish(Topics.procedure, 'DemarchePublished', event.demarcheId, event);
  }
  await published(particulier.slug);
  await published(entreprises.slug);
  await published(declarative.slug);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await apiEntreprise.stop();
  await probe.stop();
});

beforeEach(() => apiEntreprise.reset());

describe('identity step', () => {
  it('asks a particulier for civilité, nom, prénom and refuses a SIRET on such a démarche', async () => {
    const { id } = await start(particulier.slug);
    const step = await http(owner, 'GET', `/dossiers/${id}/identite`);
    expect(step).toMatchObject({
      status: 200,
      body: { publicCible: 'particulier', demandeur: null, prefill: null },
    });
    const siret = await http(owner, 'PUT', `/dossiers/${id}/identite/personne-morale`, {
      siret: '13002526500013',
    });
    expect(siret).toMatchObject({ status: 400, body: { error: { code: 'IDENTITE_INCOMPATIBLE' } } });
    expect(apiEntreprise.requests).toHaveLength(0);
    const invalid = await http(owner, 'PUT', `/dossiers/${id}/identite/particulier`, {
      civilite: 'X',
      nom: '',
      prenom: 'a',
    });
    expect(invalid).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
  });

  it('looks a SIRET up at API Entreprise, shows it, and deposits once the usager confirmed it', async () => {
    const { id } = await start(entreprises.slug);
    const luhn = await http(owner, 'PUT', `/dossiers/${id}/identite/personne-morale`, {
      siret: '13002526500012',
    });
    expect(luhn).toMatchObject({ status: 400, body: { error: { code: 'SIRET_INVALIDE' } } });
    const unknown = await http(owner, 'PUT', `/dossiers/${id}/identite/personne-morale`, {
      siret: '73282932000074',
    });
    expect(unknown).toMatchObject({ status: 400, body: { error: { code: 'ETABLISSEMENT_INCONNU' } } });

    const found = await http(owner, 'PUT', `/dossiers/${id}/identite/personne-morale`, {
      siret: '130 025 265 00013',
    });
    expect(found.body.demandeur).toEqual({
      kind: 'personne_morale',
      siret: '13002526500013',
      raisonSociale: 'DIRECTION INTERMINISTERIELLE DU NUMERIQUE',
      naf: '84.11Z – Administration publique générale',
      formeJuridique: 'Service central d’un ministère',
      adresse: '20 AVENUE DE SEGUR, 75007 PARIS',
      verified: true,
      confirmed: false,
    });
    const call = apiEntreprise.requests.at(-1)!;
    expect(call.authorization).toBe(`Bearer ${FAKE_API_ENTREPRISE_TOKEN}`);
    expect(call.url.searchParams.get('recipient')).toMatch(/^\d{14}$/);

    expect((await http(owner, 'PATCH', `/dossiers/${id}/champs`, { values: { [nomId]: 'P' } })).status).toBe(
      200,
    );
    const unconfirmed = await http(owner, 'POST', `/dossiers/${id}/deposer`);
    expect(unconfirmed).toMatchObject({ status: 400, body: { error: { code: 'IDENTITE_A_CONFIRMER' } } });
    const confirmed = await http(owner, 'POST', `/dossiers/${id}/identite/personne-morale/confirmer`, {
      siret: '13002526500013',
    });
    expect(confirmed.body.demandeur).toMatchObject({ confirmed: true });
    expect((await http(owner, 'POST', `/dossiers/${id}/deposer`)).status).toBe(200);
    const deposited = await waitFor(
      () => probe.of('DossierDeposited', (p) => p.dossierId === id)[0],
      'dépôt',
    );
    expect(deposited.payload.demandeur).toEqual({
      particulier: undefined,
      personneMorale: expect.objectContaining({ siret: '13002526500013', verified: true }),
    });
  });

  it('goes on in degraded mode with the SIRET alone when API Entreprise is down, after one retry', async () => {
    const { id } = await start(entreprises.slug);
    apiEntreprise.mode = 'error503';
    const degraded = await http(owner, 'PUT', `/dossiers/${id}/identite/personne-morale`, {
      siret: '13002526500013',
    });
    expect(degraded.body.demandeur).toMatchObject({
      siret: '13002526500013',
      raisonSociale: '',
      verified: false,
    });
    expect(apiEntreprise.requests).toHaveLength(2);

    apiEntreprise.reset();
    apiEntreprise.mode = 'slow';
    apiEntreprise.delayMs = 2_000;
    const slow = await http(owner, 'PUT', `/dossiers/${id}/identite/personne-morale`, {
      siret: '13002526500013',
    });
    expect(slow.body.demandeur).toMatchObject({ verified: false });
    expect(apiEntreprise.requests).toHaveLength(2);
  });
});

describe('co-construction', () => {
  let id = '';

  it('lets the owner invite someone, who then sees and edits the dossier but never deposits nor invites', async () => {
    ({ id } = await start(particulier.slug));
    expect((await http(tiers, 'GET', `/dossiers/${id}`)).status).toBe(404);
    const invited = await http(owner, 'POST', `/dossiers/${id}/invites`, {
      email: 'coauteur@exemple.fr',
      message: 'Peux-tu compléter le projet ?',
    });
    expect(invited).toMatchObject({ status: 201, body: { invites: [{ email: 'coauteur@exemple.fr' }] } });
    const event = await waitFor(() => probe.of('DossierInviteAdded', (p) => p.dossierId === id)[0], 'invite');
    expect(event.payload).toMatchObject({
      email: 'coauteur@exemple.fr',
      invitedByEmail: 'owner@exemple.fr',
      message: 'Peux-tu compléter le projet ?',
      demarcheId: particulier.demarcheId,
    });

    expect((await http(invite, 'GET', `/dossiers/${id}`)).status).toBe(200);
    const edited = await http(invite, 'PATCH', `/dossiers/${id}/champs`, {
      values: { [nomId]: 'Projet commun' },
    });
    expect(edited.status).toBe(200);
    const updated = await waitFor(
      () =>
        probe.of('DossierUpdated', (p) => p.dossierId === id && p.authorEmail === 'coauteur@exemple.fr')[0],
      'the invité’s update',
    );
    expect(updated.payload.changedChampIds).toEqual([nomId]);

    const deposit = await http(invite, 'POST', `/dossiers/${id}/deposer`);
    expect(deposit).toMatchObject({ status: 403, body: { error: { code: 'ACTION_NON_AUTORISEE' } } });
    expect((await http(invite, 'POST', `/dossiers/${id}/invites`, { email: 'x@exemple.fr' })).status).toBe(
      403,
    );
    expect((await http(invite, 'DELETE', `/dossiers/${id}`)).status).toBe(403);

    const lists = await http(invite, 'GET', '/dossiers/invites');
    expect(lists.body).toMatchObject({
      total: 1,
      dossiers: [{ id, demarcheTitle: 'Aide aux particuliers', state: 'brouillon' }],
    });
  });

  it('lists « Mes dossiers » page by page', async () => {
    const page1 = await http(owner, 'GET', '/dossiers?page=1&perPage=2');
    const page2 = await http(owner, 'GET', '/dossiers?page=2&perPage=2');
    expect(page1.body.dossiers).toHaveLength(2);
    expect(page1.body.total).toBeGreaterThan(2);
    expect(page2.body.page).toBe(2);
    const ids = [...page1.body.dossiers, ...page2.body.dossiers].map((d: { id: string }) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(page1.body.dossiers[0]).toEqual(
      expect.objectContaining({
        number: expect.any(Number),
        demarcheTitle: expect.any(String),
        updatedAt: expect.any(String),
      }),
    );
  });

  it('revokes the invitation: the invité loses access at once', async () => {
    const revoked = await http(
      owner,
      'DELETE',
      `/dossiers/${id}/invites/${encodeURIComponent('coauteur@exemple.fr')}`,
    );
    expect(revoked).toMatchObject({ status: 200, body: { invites: [] } });
    expect((await http(invite, 'GET', `/dossiers/${id}`)).status).toBe(404);
    expect((await http(invite, 'GET', '/dossiers/invites')).body.total).toBe(0);
    await waitFor(() => probe.of('DossierInviteRemoved', (p) => p.dossierId === id)[0], 'revocation');
  });
});

describe('dépôt and lifecycle', () => {
  it('routes by the routing champ and re-routes when it changes en construction, recording who changed what', async () => {
    const { id } = await start(particulier.slug);
    await particulierPret(id);
    expect(
      (await http(owner, 'PATCH', `/dossiers/${id}/champs`, { values: { [communeId]: 'Lyon' } })).status,
    ).toBe(200);
    const deposited = await http(owner, 'POST', `/dossiers/${id}/deposer`);
    expect(deposited.body).toMatchObject({ state: 'en_construction', groupeInstructeurId: 'g-lyon' });
    const stale = await http(owner, 'PATCH', `/dossiers/${id}/champs`, {
      values: { [communeId]: 'Paris' },
      expectedVersion: deposited.body.version - 1,
    });
    expect(stale).toMatchObject({ status: 409, body: { error: { code: 'DOSSIER_STALE' } } });
    const moved = await http(owner, 'PATCH', `/dossiers/${id}/champs`, {
      values: { [communeId]: 'Paris' },
      expectedVersion: deposited.body.version,
    });
    expect(moved.body).toMatchObject({ groupeInstructeurId: 'g-defaut' });
    expect(moved.body.history.at(-1)).toMatchObject({
      action: 'modifier',
      by: 'owner@exemple.fr',
      champIds: [communeId],
      groupeInstructeurId: 'g-defaut',
    });
    const event = await waitFor(
      () =>
        probe.of(
          'DossierUpdated',
          (p) =>
            p.dossierId === id &&
            p.state === DossierState.EN_CONSTRUCTION &&
            p.groupeInstructeurId === 'g-defaut',
        )[0],
      're-routed update',
    );
    expect(event.payload.changedChampIds).toEqual([communeId]);
  });

  it('accepts a dossier of a déclaratif démarche at dépôt, as the system', async () => {
    const { id } = await start(declarative.slug);
    await particulierPret(id);
    expect((await http(owner, 'POST', `/dossiers/${id}/deposer`)).body).toMatchObject({ state: 'accepte' });
    const deposited = await waitFor(
      () => probe.of('DossierDeposited', (p) => p.dossierId === id)[0],
      'dépôt',
    );
    expect(deposited.payload.state).toBe(DossierState.ACCEPTE);
    const changed = await waitFor(
      () => probe.of('DossierStateChanged', (p) => p.dossierId === id)[0],
      'change',
    );
    expect(changed.payload).toMatchObject({
      from: DossierState.EN_CONSTRUCTION,
      to: DossierState.ACCEPTE,
      instructeurEmail: undefined,
    });
  });

  it('lets the owner delete a brouillon, after which it no longer exists for anyone', async () => {
    const { id } = await start(particulier.slug);
    expect((await http(owner, 'DELETE', `/dossiers/${id}`)).status).toBe(204);
    expect((await http(owner, 'GET', `/dossiers/${id}`)).status).toBe(404);
    const deleted = await waitFor(() => probe.of('DossierDeleted', (p) => p.dossierId === id)[0], 'deletion');
    expect(deleted.payload).toMatchObject({ reason: DeletionReason.USAGER, state: DossierState.BROUILLON });
  });
});

describe('démarche en test', () => {
  it('is not public; only its administrateurs start test dossiers, deleted when it is really published', async () => {
    await waitFor(async () => {
      const response = await http(admin, 'GET', `/commencer/test/${enTest.slug}`);
      return response.status === 200 ? response : undefined;
    }, 'the démarche en test');
    expect((await http(null, 'GET', `/commencer/${enTest.slug}`)).status).toBe(404);
    expect((await http(owner, 'POST', `/commencer/${enTest.slug}/dossiers`)).status).toBe(404);
    expect((await http(owner, 'POST', `/commencer/test/${enTest.slug}/dossiers`)).status).toBe(404);
    const dossier = await start(enTest.slug, admin, `/commencer/test/${enTest.slug}/dossiers`);
    expect((await http(admin, 'GET', `/dossiers/${dossier.id}`)).body).toMatchObject({ test: true });

    await probe.publish(Topics.procedure, 'DemarchePublished', enTest.demarcheId, {
      ...enTest,
      enTest: false,
      version: enTest.version + 1,
    });
    const deleted = await waitFor(
      () => probe.of('DossierDeleted', (p) => p.dossierId === dossier.id)[0],
      'test dossier deletion',
    );
    expect(deleted.payload.reason).toBe(DeletionReason.ADMINISTRATION);
    expect((await http(admin, 'GET', `/dossiers/${dossier.id}`)).status).toBe(404);
    expect((await http(null, 'GET', `/commencer/${enTest.slug}`)).status).toBe(200);
  });

  it('refuses new dossiers once the démarche is unpublished, with a clear code', async () => {
    await probe.publish(Topics.procedure, 'DemarcheUnpublished', declarative.demarcheId, {
      demarcheId: declarative.demarcheId,
      number: declarative.number,
      at: new Date(),
      version: declarative.version + 1,
    });
    const refused = await waitFor(async () => {
      const response = await http(owner, 'POST', `/commencer/${declarative.slug}/dossiers`);
      return response.status === 409 ? response : undefined;
    }, 'the unpublishing');
    expect(refused.body.error.code).toBe('DEMARCHE_DEPUBLIEE');
  });
});
