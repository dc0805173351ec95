// form-builder's lifecycle against the real infrastructure: FerretDB, Kafka (outbox) and S3 (versitygw).
import { Topics } from '@demarches/contracts';
import type { InternalIdentity } from '@demarches/platform-auth';
import { connectKafka } from '@demarches/platform-kafka';
import { createServiceApp } from '@demarches/platform-runtime';
import {
  internalHttpClient,
  KafkaProbe,
  serviceTestEnv,
  testNamespace,
  waitFor,
  type ServiceCaller,
} from '@demarches/testing';
import { INestApplication } from '@nestjs/common';
import { AppModule } from './app.module';
import { loadFormBuilderConfig } from './config';
import { setupOpenApi } from './http/openapi';

const namespace = testNamespace(__filename);
const probe = new KafkaProbe(namespace);
const admin: InternalIdentity = { sub: 'a', email: 'claire@mairie.fr', roles: ['administrateur'] };
const collegue: InternalIdentity = { sub: 'b', email: 'paul@prefecture.fr', roles: ['administrateur'] };
let app: INestApplication;
let baseUrl: string;
let http: ServiceCaller;

const SERVICE = {
  nom: 'Service des espaces verts',
  organisme: 'Mairie de Villeurbanne',
  email: 'espaces-verts@mairie.fr',
  telephone: '04 72 10 30 30',
  horaires: 'du lundi au vendredi, 9 h – 17 h',
  adresse: '1 place Lazare-Goujon, 69100 Villeurbanne',
  siret: '21690123100011',
};

async function publiable(identity: InternalIdentity, title: string, extra: Record<string, unknown> = {}) {
  const { body } = await http(identity, 'POST', '/demarches', {
    title,
    description: '<p>Pour les <b>mares</b></p>',
  });
  await http(identity, 'POST', `/demarches/${body.id}/champs`, {
    type: 'text',
    label: 'Nom',
    mandatory: true,
  });
  await http(identity, 'POST', `/demarches/${body.id}/instructeurs`, { email: 'instructeur@mairie.fr' });
  await http(identity, 'PUT', `/demarches/${body.id}/service`, SERVICE);
  const patched = await http(identity, 'PATCH', `/demarches/${body.id}`, {
    cadreJuridique: { url: 'https://www.legifrance.gouv.fr/loda/id/LEGITEXT000006070633' },
    ...extra,
  });
  expect(patched.status).toBe(200);
  return body.id as string;
}

const eventsOf = (type: string, id: string) =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  probe.of(type, (p) => p.demarcheId === id) as { key: string; payload: Record<string, any> }[];

beforeAll(async () => {
  await probe.start([Topics.procedure]);
  const config = loadFormBuilderConfig(
    serviceTestEnv(namespace, 'form-builder', { AUTO_CLOSE_SWEEP_MS: '300' }),
  );
  app = await createServiceApp({
    module: AppModule.forRoot(config),
    config,
    kafka: { connect: connectKafka },
    beforeListen: setupOpenApi,
  });
  await app.listen(0, '127.0.0.1');
  baseUrl = await app.getUrl();
  http = internalHttpClient(baseUrl);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await probe.stop();
});

describe('form-builder lifecycle', () => {
  it('refuses to publish with every missing step listed', async () => {
    const { body } = await http(admin, 'POST', '/demarches', { title: 'Vide' });
    const refused = await http(admin, 'POST', `/demarches/${body.id}/publier`, { slug: 'vide' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('DEMARCHE_INCOMPLETE');
    expect(refused.body.error.details.missing.map((m: { step: string }) => m.step)).toEqual([
      'champ',
      'instructeur',
      'service',
      'cadre_juridique',
      'lien_diffusion',
    ]);
  });

  it('publishes, closes, reopens, unpublishes and deletes, with an event for each step', async () => {
    const id = await publiable(admin, 'Aide aux mares');
    await waitFor(() => eventsOf('DemarcheCreated', id)[0], 'DemarcheCreated');
    const test = await http(admin, 'POST', `/demarches/${id}/tester`);
    expect(test.status).toBe(200);
    const snapshotTest = await waitFor(() => eventsOf('DemarchePublished', id)[0], 'test snapshot');
    expect(snapshotTest.payload).toMatchObject({ enTest: true, revisionNumber: 0 });

    const publiee = await http(admin, 'POST', `/demarches/${id}/publier`, {
      slug: 'aide-aux-mares',
      lienDiffusion: 'https://www.villeurbanne.fr/mares',
    });
    expect(publiee.body).toMatchObject({
      state: 'publiee',
      revisionNumber: 1,
      lienDiffusion: 'https://www.villeurbanne.fr/mares',
    });
    expect((await http(admin, 'DELETE', `/demarches/${id}`)).body.error.code).toBe('TRANSITION_INVALID');

    expect((await http(admin, 'POST', `/demarches/${id}/clore`)).body.state).toBe('close');
    const rouverte = await http(admin, 'POST', `/demarches/${id}/publier`, { slug: 'aide-aux-mares' });
    expect(rouverte.body).toMatchObject({ state: 'publiee', revisionNumber: 2 });
    expect((await http(admin, 'POST', `/demarches/${id}/depublier`)).body.state).toBe('depubliee');
    await http(admin, 'POST', `/demarches/${id}/publier`, { slug: 'aide-aux-mares' });
    await http(admin, 'POST', `/demarches/${id}/clore`);
    expect((await http(admin, 'DELETE', `/demarches/${id}`)).status).toBe(204);
    expect((await http(admin, 'GET', `/demarches/${id}`)).status).toBe(404);

    await waitFor(() => eventsOf('DemarcheDeleted', id)[0], 'DemarcheDeleted');
    const real = eventsOf('DemarchePublished', id).filter((e) => !e.payload.enTest);
    expect(real.map((e) => e.payload.revisionNumber)).toEqual([1, 2, 3]);
    expect(eventsOf('DemarcheClosed', id)).toHaveLength(2);
    expect(eventsOf('DemarcheReopened', id)).toHaveLength(2);
    expect(eventsOf('DemarcheUnpublished', id)).toHaveLength(1);
  });

  it('publishes a new revision with added champs, and refuses one that deletes a published champ', async () => {
    const id = await publiable(admin, 'Aide aux haies', { lienDiffusion: 'mail' });
    await http(admin, 'POST', `/demarches/${id}/publier`, { slug: 'aide-aux-haies' });
    const again = await http(admin, 'POST', `/demarches/${id}/publier`, { slug: 'aide-aux-haies' });
    expect(again.body.error.code).toBe('DEMARCHE_ALREADY_PUBLISHED');
    await http(admin, 'POST', `/demarches/${id}/champs`, { type: 'email', label: 'Courriel' });
    const v2 = await http(admin, 'POST', `/demarches/${id}/publier`, { slug: 'aide-aux-haies' });
    expect(v2.body.revisionNumber).toBe(2);
    const event = await waitFor(
      () => eventsOf('DemarchePublished', id).find((e) => e.payload.revisionNumber === 2),
      'revision 2',
    );
    expect(event.payload.champs.map((c: { label: string }) => c.label)).toEqual(['Nom', 'Courriel']);

    const nom = v2.body.champs[0].id;
    await http(admin, 'DELETE', `/demarches/${id}/champs/${nom}`);
    const refused = await http(admin, 'POST', `/demarches/${id}/publier`, { slug: 'aide-aux-haies' });
    expect(refused.body.error.details.missing).toEqual([
      { step: 'revision', message: 'le champ publié « Nom » ne peut pas être supprimé : rétablissez-le' },
    ]);
  });

  it('lets an administrateur reuse the slug of her older démarche, which is closed as replaced', async () => {
    const ancienne = await publiable(admin, 'Aide 2025', { lienDiffusion: 'mail' });
    await http(admin, 'POST', `/demarches/${ancienne}/publier`, { slug: 'aide-annuelle' });
    const nouvelle = await publiable(admin, 'Aide 2026', { lienDiffusion: 'mail' });
    expect(
      (
        await http(
          collegue,
          'POST',
          `/demarches/${await publiable(collegue, 'X', { lienDiffusion: 'mail' })}/publier`,
          { slug: 'aide-annuelle' },
        )
      ).body.error.code,
    ).toBe('SLUG_TAKEN');
    expect(
      (await http(admin, 'POST', `/demarches/${nouvelle}/publier`, { slug: 'aide-annuelle' })).status,
    ).toBe(200);
    expect((await http(admin, 'GET', `/demarches/${ancienne}`)).body).toMatchObject({
      state: 'close',
      slug: null,
      replacedBy: nouvelle,
    });
    const closed = await waitFor(() => eventsOf('DemarcheClosed', ancienne)[0], 'DemarcheClosed');
    expect(closed.payload.replacedByDemarcheId).toBe(nouvelle);
  });

  it('closes a démarche by itself at its date limite de dépôt', async () => {
    const limite = new Date(Date.now() + 2_000).toISOString();
    const id = await publiable(admin, 'Appel à projets', { lienDiffusion: 'mail', dateLimiteDepot: limite });
    expect((await http(admin, 'POST', `/demarches/${id}/publier`, { slug: 'appel-a-projets' })).status).toBe(
      200,
    );
    await waitFor(() => eventsOf('DemarcheClosed', id)[0], 'automatic DemarcheClosed');
    expect((await http(admin, 'GET', `/demarches/${id}`)).body.state).toBe('close');
  });

  it('finds published démarches in the catalogue, clones one, and sends a copy to a colleague', async () => {
    const id = await publiable(admin, 'Subvention mobilité douce', { lienDiffusion: 'mail' });
    await http(admin, 'POST', `/demarches/${id}/publier`, { slug: 'mobilite-douce' });
    const found = await http(collegue, 'GET', '/demarches/catalogue?q=MOBILITÉ&perPage=5');
    const byOrganisme = await http(collegue, 'GET', '/demarches/catalogue?q=villeurbanne&perPage=50');
    expect(found.body).toMatchObject({
      total: 1,
      page: 1,
      perPage: 5,
      demarches: [{ id, organisme: 'Mairie de Villeurbanne' }],
    });
    expect(byOrganisme.body.demarches.map((d: { id: string }) => d.id)).toContain(id);
    expect((await http(collegue, 'GET', '/demarches/catalogue?q=inexistant')).body).toMatchObject({
      total: 0,
    });

    const clone = await http(collegue, 'POST', `/demarches/${id}/cloner`);
    expect(clone.body).toMatchObject({
      state: 'brouillon',
      clonedFrom: id,
      administrateurs: ['paul@prefecture.fr'],
      service: null,
    });
    expect(clone.body.groupesInstructeurs[0].instructeurs).toEqual([]);
    expect(clone.body.champs.map((c: { label: string }) => c.label)).toEqual(['Nom']);

    const copie = await http(admin, 'POST', `/demarches/${id}/envoyer-copie`, {
      email: 'Paul@prefecture.fr',
    });
    expect(copie.status).toBe(201);
    const siennes = await http(collegue, 'GET', '/demarches');
    expect(siennes.body.demarches).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: copie.body.id, state: 'brouillon', clonedFrom: id }),
      ]),
    );
    const created = await waitFor(
      () => eventsOf('DemarcheCreated', copie.body.id)[0],
      'DemarcheCreated of the copy',
    );
    expect(created.payload).toMatchObject({
      clonedFromDemarcheId: id,
      sentByEmail: 'claire@mairie.fr',
      administrateurEmails: ['paul@prefecture.fr'],
    });
  });

  it('uploads a logo to S3 through a presigned PUT and refuses a file that is not what it claims', async () => {
    const { body } = await http(admin, 'POST', '/demarches', { title: 'Logo' });
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(64, 1),
    ]);
    const prepared = await http(admin, 'POST', `/demarches/${body.id}/fichiers/logo/televersement`, {
      contentType: 'image/png',
      size: png.length,
    });
    expect(prepared.status).toBe(201);
    const put = await fetch(prepared.body.upload.url, {
      method: 'PUT',
      headers: prepared.body.upload.headers,
      body: png,
    });
    expect(put.status).toBe(200);
    const confirmed = await http(admin, 'POST', `/demarches/${body.id}/fichiers/logo/confirmation`, {
      key: prepared.body.key,
      filename: 'logo.png',
      contentType: 'image/png',
    });
    expect(confirmed.body.logo).toMatchObject({ key: prepared.body.key, size: png.length });
    const lien = await http(admin, 'GET', `/demarches/${body.id}/fichiers/logo/lien`);
    expect(Buffer.from(await (await fetch(lien.body.url)).arrayBuffer()).equals(png)).toBe(true);

    const fake = Buffer.from('MZ this is an executable, not a png at all');
    const second = await http(admin, 'POST', `/demarches/${body.id}/fichiers/logo/televersement`, {
      contentType: 'image/png',
      size: fake.length,
    });
    await fetch(second.body.upload.url, { method: 'PUT', headers: second.body.upload.headers, body: fake });
    const refused = await http(admin, 'POST', `/demarches/${body.id}/fichiers/logo/confirmation`, {
      key: second.body.key,
      filename: 'logo.png',
      contentType: 'image/png',
    });
    expect(refused).toMatchObject({ status: 400, body: { error: { code: 'FICHIER_INVALID' } } });
    const tooBig = await http(admin, 'POST', `/demarches/${body.id}/fichiers/logo/televersement`, {
      contentType: 'image/png',
      size: 6 * 1024 * 1024,
    });
    expect(tooBig.body.error.code).toBe('FICHIER_INVALID');
  });

  it('serves the OpenAPI document with the main paths and the coded error shape', async () => {
    const response = await fetch(`${baseUrl}/docs-json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      paths: Record<
        string,
        Record<
          string,
          { responses: Record<string, unknown>; requestBody?: { content: Record<string, unknown> } }
        >
      >;
      components: { schemas: Record<string, unknown> };
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/demarches',
        '/demarches/catalogue',
        '/demarches/{id}',
        '/demarches/{id}/publier',
        '/demarches/{id}/clore',
        '/demarches/{id}/depublier',
        '/demarches/{id}/cloner',
        '/demarches/{id}/envoyer-copie',
        '/demarches/{id}/service',
        '/demarches/{id}/fichiers/{kind}/televersement',
        '/demarches/{id}/champs',
        '/demarches/{id}/mails/{kind}',
      ]),
    );
    expect(document.components.schemas.Error).toBeDefined();
    expect(document.paths['/demarches/{id}/publier'].post.responses['400']).toBeDefined();
    // Request bodies come from the same zod schemas the handlers validate with.
    expect(document.paths['/demarches'].post.requestBody?.content['application/json']).toMatchObject({
      schema: { type: 'object', required: expect.arrayContaining(['title']) },
    });
    expect(document.paths['/demarches/{id}/groupes/{groupeId}/regle'].put.requestBody).toBeDefined();
    expect((await fetch(`${baseUrl}/docs`)).status).toBe(200);
  });
});
