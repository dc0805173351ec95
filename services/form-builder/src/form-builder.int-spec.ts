// form-builder against the real infrastructure: démarches stored in FerretDB, publication leaving as a
// DemarchePublished snapshot on Kafka through the outbox.
import { ChampType, MailKind, Topics } from '@demarches/contracts';
import type { InternalIdentity } from '@demarches/platform-auth';
import { connectKafka } from '@demarches/platform-kafka';
import { createServiceApp } from '@demarches/platform-runtime';
import {
  KafkaProbe,
  serviceTestEnv,
  testNamespace,
  waitFor,
  internalHttpClient,
  type ServiceCaller,
} from '@demarches/testing';
import { INestApplication } from '@nestjs/common';
import { AppModule } from './app.module';
import { loadFormBuilderConfig } from './config';

const namespace = testNamespace(__filename);
const probe = new KafkaProbe(namespace);
const admin: InternalIdentity = { sub: 'a', email: 'admin@exemple.fr', roles: ['administrateur'] };
const autreAdmin: InternalIdentity = { sub: 'b', email: 'autre@exemple.fr', roles: ['administrateur'] };
const usager: InternalIdentity = { sub: 'u', email: 'usager@exemple.fr', roles: ['usager'] };
let app: INestApplication;
let http: ServiceCaller;

const SERVICE = {
  nom: 'Service des espaces verts',
  organisme: 'Mairie de Lyon',
  email: 'espaces-verts@mairie.fr',
  telephone: '04 72 10 30 30',
  horaires: 'du lundi au vendredi, 9 h – 17 h',
  adresse: '1 place de la Comédie, 69001 Lyon',
  siret: '21690123100011',
};

/** What publication requires besides champs and instructeurs: a service, a cadre juridique, a lien de diffusion. */
async function completerDescription(identity: InternalIdentity, id: string): Promise<void> {
  await http(identity, 'PUT', `/demarches/${id}/service`, SERVICE);
  await http(identity, 'PATCH', `/demarches/${id}`, {
    cadreJuridique: { texte: 'Délibération du conseil municipal du 3 mars 2026' },
    lienDiffusion: 'https://www.mairie.fr/aides',
  });
}

async function demarchePubliable(identity: InternalIdentity, title: string): Promise<string> {
  const { body } = await http(identity, 'POST', '/demarches', { title });
  await completerDescription(identity, body.id);
  await http(identity, 'POST', `/demarches/${body.id}/champs`, {
    type: 'text',
    label: 'Nom',
    mandatory: true,
  });
  await http(identity, 'POST', `/demarches/${body.id}/instructeurs`, { email: 'instructeur@exemple.fr' });
  return body.id;
}

beforeAll(async () => {
  await probe.start([Topics.procedure]);
  const config = loadFormBuilderConfig(serviceTestEnv(namespace, 'form-builder'));
  app = await createServiceApp({
    module: AppModule.forRoot(config),
    config,
    kafka: { connect: connectKafka },
  });
  await app.listen(0, '127.0.0.1');
  http = internalHttpClient(await app.getUrl());
}, 120_000);

afterAll(async () => {
  await app?.close();
  await probe.stop();
});

describe('form-builder service', () => {
  it('keeps démarches to administrateurs, and each administrateur to her own', async () => {
    expect((await http(usager, 'POST', '/demarches', { title: 'x' })).status).toBe(403);
    const id = await demarchePubliable(admin, 'Aide aux mares');
    expect((await http(autreAdmin, 'GET', `/demarches/${id}`)).status).toBe(404);
    const mine = await http(admin, 'GET', '/demarches');
    expect(mine.body.demarches.map((d: { id: string }) => d.id)).toContain(id);
  });

  it('refuses invalid input with every problem listed', async () => {
    const response = await http(admin, 'POST', '/demarches', { title: '', description: 42 });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.details.violations.map((v: { path: string }) => v.path)).toEqual([
      'title',
      'description',
    ]);
    const { body } = await http(admin, 'POST', '/demarches', { title: 'Aide' });
    const champ = await http(admin, 'POST', `/demarches/${body.id}/champs`, {
      type: 'hologramme',
      label: 'X',
    });
    expect(champ.body.error.message).toContain('type inconnu');
  });

  it('publishes the complete revision on Kafka and freezes it', async () => {
    const id = await demarchePubliable(admin, 'Aide aux haies');
    const published = await http(admin, 'POST', `/demarches/${id}/publier`, { slug: 'aide-aux-haies' });
    expect(published).toMatchObject({
      status: 200,
      body: { state: 'publiee', lien: '/commencer/aide-aux-haies', version: 6, revisionNumber: 1 },
    });

    const event = await waitFor(
      () => probe.of('DemarchePublished', (p) => p.demarcheId === id)[0],
      'DemarchePublished',
    );
    expect(event.key).toBe(id);
    expect(event.payload).toMatchObject({
      title: 'Aide aux haies',
      slug: 'aide-aux-haies',
      version: 6,
      enTest: false,
      revisionNumber: 1,
      service: SERVICE,
      champs: [expect.objectContaining({ type: ChampType.TEXT, label: 'Nom', mandatory: true })],
      groupesInstructeurs: [expect.objectContaining({ instructeurEmails: ['instructeur@exemple.fr'] })],
      administrateurEmails: ['admin@exemple.fr'],
    });

    // Later edits go to the draft of the next revision; the published one stays as it was.
    const draft = await http(admin, 'POST', `/demarches/${id}/champs`, { type: 'text', label: 'Encore' });
    expect(draft.status).toBe(201);
    const after = await http(admin, 'GET', `/demarches/${id}`);
    expect(after.body.champs).toHaveLength(2);
    expect(after.body.revisionPubliee.champs).toHaveLength(1);
  });

  it('edits the form and the annotations privées, and publishes both in the snapshot', async () => {
    const { body } = await http(admin, 'POST', '/demarches', { title: 'Aide aux vergers' });
    const id = body.id;
    await completerDescription(admin, id);
    const nom = (
      await http(admin, 'POST', `/demarches/${id}/champs`, { type: 'text', label: 'Nom', mandatory: true })
    ).body;
    const liste = (
      await http(admin, 'POST', `/demarches/${id}/champs`, {
        type: 'linked_drop_down_list',
        label: 'Essence',
        options: ['--Fruitiers--', 'Pommier', '--Forestiers--', 'Chêne'],
      })
    ).body;
    const malformed = await http(admin, 'PATCH', `/demarches/${id}/champs/${liste.id}`, {
      options: ['Pommier', '--Fruitiers--'],
    });
    expect(malformed).toMatchObject({
      status: 400,
      body: { error: { code: 'CHAMP_INVALID', details: { line: 1 } } },
    });

    const moved = await http(admin, 'POST', `/demarches/${id}/champs/${liste.id}/deplacer`, {
      direction: 'haut',
    });
    expect(moved).toMatchObject({ status: 200, body: { ordre: [liste.id, nom.id] } });
    const renamed = await http(admin, 'PATCH', `/demarches/${id}/champs/${nom.id}`, {
      label: 'Nom du verger',
    });
    expect(renamed).toMatchObject({
      status: 200,
      body: { id: nom.id, label: 'Nom du verger', mandatory: true },
    });

    const annotation = await http(admin, 'POST', `/demarches/${id}/annotations`, {
      type: 'textarea',
      label: 'Avis technique',
    });
    expect(annotation.status).toBe(201);
    const jetable = (
      await http(admin, 'POST', `/demarches/${id}/annotations`, { type: 'text', label: 'À supprimer' })
    ).body;
    expect((await http(admin, 'DELETE', `/demarches/${id}/annotations/${jetable.id}`)).body).toEqual({
      ordre: [annotation.body.id],
    });
    expect(
      (await http(autreAdmin, 'PATCH', `/demarches/${id}/champs/${nom.id}`, { label: 'x' })).status,
    ).toBe(404);

    await http(admin, 'POST', `/demarches/${id}/instructeurs`, { email: 'instructeur@exemple.fr' });
    await http(admin, 'POST', `/demarches/${id}/publier`, { slug: 'aide-aux-vergers' });
    const event = await waitFor(
      () => probe.of('DemarchePublished', (p) => p.demarcheId === id)[0],
      'DemarchePublished',
    );
    expect(event.payload).toMatchObject({
      champs: [
        expect.objectContaining({ id: liste.id, type: ChampType.LINKED_DROP_DOWN_LIST }),
        expect.objectContaining({ id: nom.id, label: 'Nom du verger' }),
      ],
      annotations: [
        expect.objectContaining({
          id: annotation.body.id,
          type: ChampType.TEXTAREA,
          label: 'Avis technique',
        }),
      ],
    });
    // Deleting a published champ is possible in the draft, but no new revision can be published without it.
    expect((await http(admin, 'DELETE', `/demarches/${id}/champs/${nom.id}`)).status).toBe(200);
    const refused = await http(admin, 'POST', `/demarches/${id}/publier`, { slug: 'aide-aux-vergers' });
    expect(refused).toMatchObject({
      status: 400,
      body: { error: { code: 'DEMARCHE_INCOMPLETE', details: { missing: [{ step: 'revision' }] } } },
    });
  });

  it('refuses a slug already used by another published démarche', async () => {
    const id = await demarchePubliable(autreAdmin, 'Aide aux haies bis');
    const response = await http(autreAdmin, 'POST', `/demarches/${id}/publier`, { slug: 'aide-aux-haies' });
    expect(response).toMatchObject({ status: 409, body: { error: { code: 'SLUG_TAKEN' } } });
  });

  it('customises the e-mails with balises, carries them in the snapshot, and republishes when they change', async () => {
    const { body } = await http(admin, 'POST', '/demarches', { title: 'Aide aux jardins' });
    const id = body.id;
    await completerDescription(admin, id);
    await http(admin, 'POST', `/demarches/${id}/champs`, {
      type: 'text',
      label: 'Nom du jardin',
      mandatory: true,
    });
    await http(admin, 'POST', `/demarches/${id}/instructeurs`, { email: 'instructeur@exemple.fr' });

    const defaults = await http(admin, 'GET', `/demarches/${id}/mails`);
    expect(defaults.status).toBe(200);
    expect(defaults.body.mails).toHaveLength(6);
    expect(defaults.body.mails[0]).toMatchObject({ kind: 'dossier_depose', custom: false });
    expect(defaults.body.balises).toEqual(expect.arrayContaining(['numéro du dossier', 'Nom du jardin']));

    const typo = await http(admin, 'PUT', `/demarches/${id}/mails/dossier_depose`, {
      subject: 'Dossier --numero du dossier--',
      body: 'Jardin : --Nom du jardn--',
    });
    expect(typo).toMatchObject({
      status: 400,
      body: {
        error: {
          code: 'MAIL_TEMPLATE_INVALID',
          details: { balisesInconnues: ['numero du dossier', 'Nom du jardn'] },
        },
      },
    });
    expect(
      (await http(admin, 'PUT', `/demarches/${id}/mails/dossier_perdu`, { subject: 's', body: 'b' })).status,
    ).toBe(404);

    const template = { subject: 'Reçu : --Nom du jardin--', body: 'Dossier nº --numéro du dossier--' };
    const saved = await http(admin, 'PUT', `/demarches/${id}/mails/dossier_depose`, template);
    expect(saved).toMatchObject({ status: 200, body: { kind: 'dossier_depose', ...template, custom: true } });
    const refus = await http(admin, 'PUT', `/demarches/${id}/mails/dossier_refuse`, {
      subject: 'Refus',
      body: '--motivation--',
    });
    expect(refus.status).toBe(200);
    const reset = await http(admin, 'DELETE', `/demarches/${id}/mails/dossier_refuse`);
    expect(reset).toMatchObject({ status: 200, body: { kind: 'dossier_refuse', custom: false } });
    expect(reset.body.subject).toContain('a été refusé');

    const published = await http(admin, 'POST', `/demarches/${id}/publier`, { slug: 'aide-aux-jardins' });
    expect(published.status).toBe(200);
    const first = await waitFor(
      () => probe.of('DemarchePublished', (p) => p.demarcheId === id)[0],
      'DemarchePublished',
    );
    expect(first.payload).toMatchObject({
      version: published.body.version,
      mailTemplates: [{ kind: MailKind.DOSSIER_DEPOSE, ...template }],
    });

    // Templates stay editable after publication: each change sends a fresh snapshot at the new version.
    const accepte = { subject: 'Bravo --Nom du jardin--', body: 'Accepté le --date de décision--' };
    expect((await http(admin, 'PUT', `/demarches/${id}/mails/dossier_accepte`, accepte)).status).toBe(200);
    const second = await waitFor(
      () =>
        probe.of(
          'DemarchePublished',
          (p) => p.demarcheId === id && Number(p.version) > Number(first.payload.version),
        )[0],
      'a second DemarchePublished',
    );
    expect(second.payload).toMatchObject({
      version: published.body.version + 1,
      slug: 'aide-aux-jardins',
      mailTemplates: [
        { kind: MailKind.DOSSIER_DEPOSE, ...template },
        { kind: MailKind.DOSSIER_ACCEPTE, ...accepte },
      ],
    });
    const mails = await http(admin, 'GET', `/demarches/${id}/mails`);
    expect(
      mails.body.mails.filter((m: { custom: boolean }) => m.custom).map((m: { kind: string }) => m.kind),
    ).toEqual(['dossier_depose', 'dossier_accepte']);
    expect((await http(autreAdmin, 'GET', `/demarches/${id}/mails`)).status).toBe(404);
  });
});
