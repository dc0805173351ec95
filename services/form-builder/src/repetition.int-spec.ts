// Blocs répétables and champ settings against the real infrastructure: children and settings stored in FerretDB
// (arrays of objects, never arrays of arrays), then published in the DemarchePublished snapshot on Kafka.
import { ChampType, type PayloadOf, Topics } from '@demarches/contracts';
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
let app: INestApplication;
let http: ServiceCaller;

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

async function demarche(title: string): Promise<string> {
  const { body } = await http(admin, 'POST', '/demarches', { title });
  await http(admin, 'PUT', `/demarches/${body.id}/service`, {
    nom: 'Service jeunesse',
    organisme: 'Mairie de Lyon',
    email: 'jeunesse@mairie.fr',
    telephone: '04 72 10 30 30',
    horaires: 'du lundi au vendredi',
    adresse: '1 place de la Comédie, 69001 Lyon',
    siret: '21690123100011',
  });
  await http(admin, 'PATCH', `/demarches/${body.id}`, {
    cadreJuridique: { texte: 'Délibération du 3 mars 2026' },
    lienDiffusion: 'https://www.mairie.fr/aides',
  });
  await http(admin, 'POST', `/demarches/${body.id}/instructeurs`, { email: 'instructeur@exemple.fr' });
  return body.id;
}

describe('blocs répétables and champ settings', () => {
  it('builds a bloc with its children and settings, refuses nesting and unknown settings, and publishes them', async () => {
    const id = await demarche('Aide aux familles');
    const champ = async (body: Record<string, unknown>) => {
      const response = await http(admin, 'POST', `/demarches/${id}/champs`, body);
      expect(response.status).toBe(201);
      return response.body as { id: string; children?: unknown[]; settings?: unknown };
    };
    const reference = await champ({
      type: 'formatted',
      label: 'Référence du foyer',
      settings: { minLength: 6, maxLength: 6, lettersAccepted: false },
    });
    const bloc = await champ({ type: 'repetition', label: 'Enfants', mandatory: true });
    expect(bloc.children).toEqual([]);
    const titre = await champ({
      type: 'header_section',
      label: 'Identité',
      parentId: bloc.id,
      settings: { level: 2 },
    });
    const prenom = await champ({ type: 'text', label: 'Prénom', mandatory: true, parentId: bloc.id });
    const age = await champ({
      type: 'integer_number',
      label: 'Âge',
      parentId: bloc.id,
      settings: { min: 0, max: 25 },
    });
    const justificatif = await champ({
      type: 'piece_justificative',
      label: 'Pièce d’identité',
      parentId: bloc.id,
      settings: { nature: 'titre_identite', formats: ['jpg', 'png'] },
    });

    const nested = await http(admin, 'POST', `/demarches/${id}/champs`, {
      type: 'repetition',
      label: 'Petits-enfants',
      parentId: bloc.id,
    });
    expect(nested.status).toBe(400);
    expect(nested.body.error).toMatchObject({ code: 'REPETITION_NESTED', details: { parentId: bloc.id } });
    const inconnu = await http(admin, 'POST', `/demarches/${id}/champs`, {
      type: 'integer_number',
      label: 'Rang',
      parentId: bloc.id,
      settings: { pas: 1 },
    });
    expect(inconnu.status).toBe(400);
    expect(inconnu.body.error).toMatchObject({ code: 'CHAMP_SETTING_UNKNOWN', details: { key: 'pas' } });
    const bornes = await http(admin, 'PATCH', `/demarches/${id}/champs/${age.id}`, {
      settings: { min: 30, max: 2 },
    });
    expect(bornes.body.error).toMatchObject({ code: 'CHAMP_SETTING_INVALID', details: { key: 'min' } });

    // Edited, moved and conditioned through their own ids; the titre leaves the bloc.
    const renamed = await http(admin, 'PATCH', `/demarches/${id}/champs/${prenom.id}`, {
      label: 'Prénom usuel',
    });
    expect(renamed.body).toMatchObject({ id: prenom.id, label: 'Prénom usuel', mandatory: true });
    const moved = await http(admin, 'POST', `/demarches/${id}/champs/${justificatif.id}/deplacer`, {
      direction: 'haut',
    });
    expect(moved.body.ordre).toEqual([titre.id, prenom.id, justificatif.id, age.id]);
    const condition = await http(admin, 'PUT', `/demarches/${id}/champs/${justificatif.id}/condition`, {
      condition: { champId: prenom.id, operator: 'is_not_empty', value: '' },
    });
    expect(condition.status).toBe(200);
    const later = await http(admin, 'PUT', `/demarches/${id}/champs/${prenom.id}/condition`, {
      condition: { champId: age.id, operator: 'greater_than', value: '3' },
    });
    expect(later.body.error.code).toBe('CONDITION_INVALID');
    const dependance = await http(admin, 'DELETE', `/demarches/${id}/champs/${prenom.id}`);
    expect(dependance.status).toBe(409);
    expect(dependance.body.error.code).toBe('CHAMP_DEPENDANCE');
    const deleted = await http(admin, 'DELETE', `/demarches/${id}/champs/${titre.id}`);
    expect(deleted.body.ordre).toEqual([prenom.id, justificatif.id, age.id]);

    // Stored in FerretDB as written.
    const stored = await http(admin, 'GET', `/demarches/${id}`);
    expect(stored.body.champs.map((c: { id: string }) => c.id)).toEqual([reference.id, bloc.id]);
    expect(stored.body.champs[1].children).toEqual([
      expect.objectContaining({ id: prenom.id, label: 'Prénom usuel', type: 'text', mandatory: true }),
      expect.objectContaining({
        id: justificatif.id,
        settings: { nature: 'titre_identite', formats: ['jpg', 'png'] },
        condition: { champId: prenom.id, operator: 'is_not_empty', value: '' },
      }),
      expect.objectContaining({ id: age.id, settings: { min: 0, max: 25 } }),
    ]);

    const published = await http(admin, 'POST', `/demarches/${id}/publier`, { slug: 'aide-aux-familles' });
    expect(published.status).toBe(200);
    const event = await waitFor(
      () => probe.of('DemarchePublished', (p) => p.demarcheId === id && !p.enTest)[0],
      'DemarchePublished',
    );
    type Published = PayloadOf<typeof Topics.procedure, 'DemarchePublished'>;
    const [formatted, repetition] = (event.payload as unknown as Published).champs;
    expect(JSON.parse(formatted.settingsJson)).toEqual({
      minLength: 6,
      maxLength: 6,
      lettersAccepted: false,
    });
    expect(repetition).toMatchObject({ id: bloc.id, type: ChampType.REPETITION, mandatory: true });
    expect(repetition.children.map((c: { id: string }) => c.id)).toEqual([
      prenom.id,
      justificatif.id,
      age.id,
    ]);
    expect(repetition.children[1]).toMatchObject({
      type: ChampType.PIECE_JUSTIFICATIVE,
      condition: expect.anything(),
    });
    expect(JSON.parse(repetition.children[1].settingsJson)).toEqual({
      nature: 'titre_identite',
      formats: ['jpg', 'png'],
    });
    expect(JSON.parse(repetition.children[2].settingsJson)).toEqual({ min: 0, max: 25 });

    // A published child is never deleted in a later revision.
    await http(admin, 'DELETE', `/demarches/${id}/champs/${age.id}`);
    const republication = await http(admin, 'POST', `/demarches/${id}/publier`, {
      slug: 'aide-aux-familles',
    });
    expect(republication.status).toBe(400);
    expect(republication.body.error.code).toBe('DEMARCHE_INCOMPLETE');
    expect(republication.body.error.message).toContain('« Âge » ne peut pas être supprimé');
  });

  it('builds blocs in the annotations privées too', async () => {
    const id = await demarche('Suivi des familles');
    const bloc = await http(admin, 'POST', `/demarches/${id}/annotations`, {
      type: 'repetition',
      label: 'Visites',
    });
    const date = await http(admin, 'POST', `/demarches/${id}/annotations`, {
      type: 'date',
      label: 'Date de la visite',
      parentId: bloc.body.id,
    });
    expect(date.status).toBe(201);
    const wrongList = await http(admin, 'POST', `/demarches/${id}/champs`, {
      type: 'text',
      label: 'X',
      parentId: bloc.body.id,
    });
    expect(wrongList.status).toBe(404);
    const stored = await http(admin, 'GET', `/demarches/${id}`);
    expect(stored.body.annotations[0].children).toEqual([
      expect.objectContaining({ id: date.body.id, type: 'date' }),
    ]);
  });
});
