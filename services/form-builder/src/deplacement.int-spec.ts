// Moving champs to a position, into and out of blocs répétables, over HTTP against the real infrastructure: the new
// structure stored in FerretDB, the refusals (nesting, dependencies, published champs) and the republished snapshot.
import { type PayloadOf, Topics } from '@demarches/contracts';
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

type Champ = { id: string; label: string; children?: Champ[] };
const ids = (champs: Champ[]) => champs.map((champ) => champ.id);

describe('moving champs into and out of blocs répétables', () => {
  it('moves champs to a position, refuses what would break the form, and keeps published champs in their bloc', async () => {
    const id = await demarche('Aide aux familles');
    const champ = async (body: Record<string, unknown>, cible = 'champs') => {
      const response = await http(admin, 'POST', `/demarches/${id}/${cible}`, body);
      expect(response.status).toBe(201);
      return response.body as Champ;
    };
    const deplacer = (champId: string, body: Record<string, unknown>, cible = 'champs', who = admin) =>
      http(who, 'POST', `/demarches/${id}/${cible}/${champId}/deplacer`, body);

    const nom = await champ({ type: 'yes_no', label: 'Allocataire ?' });
    const commentaire = await champ({ type: 'text', label: 'Commentaire' });
    const enfants = await champ({ type: 'repetition', label: 'Enfants' });
    const prenom = await champ({ type: 'text', label: 'Prénom', parentId: enfants.id });
    const age = await champ({ type: 'integer_number', label: 'Âge', parentId: enfants.id });
    const vehicules = await champ({ type: 'repetition', label: 'Véhicules' });

    // Into a bloc, out of a bloc, and to a position at the top.
    const dedans = await deplacer(commentaire.id, { parentId: enfants.id, position: 1 });
    expect(dedans.status).toBe(200);
    expect(dedans.body).toEqual({ parentId: enfants.id, ordre: [prenom.id, commentaire.id, age.id] });
    const dehors = await deplacer(age.id, { parentId: null, position: 0 });
    expect(dehors.body).toEqual({ parentId: null, ordre: [age.id, nom.id, enfants.id, vehicules.id] });
    const sansParent = await deplacer(age.id, { position: 3 });
    expect(sansParent.body).toEqual({ parentId: null, ordre: [nom.id, enfants.id, vehicules.id, age.id] });
    const fleche = await deplacer(commentaire.id, { direction: 'haut' });
    expect(fleche.body).toEqual({ parentId: enfants.id, ordre: [commentaire.id, prenom.id] });

    // Refusals, each with its code.
    const imbrique = await deplacer(vehicules.id, { parentId: enfants.id, position: 0 });
    expect(imbrique.status).toBe(400);
    expect(imbrique.body.error).toMatchObject({
      code: 'REPETITION_NESTED',
      details: { parentId: enfants.id },
    });
    const pasUnBloc = await deplacer(prenom.id, { parentId: nom.id, position: 0 });
    expect(pasUnBloc.status).toBe(400);
    expect(pasUnBloc.body.error.code).toBe('CHAMP_INVALID');
    const loin = await deplacer(prenom.id, { parentId: vehicules.id, position: 1 });
    expect(loin.status).toBe(400);
    expect(loin.body.error).toMatchObject({ code: 'CHAMP_INVALID', details: { positionMax: 0 } });
    const inconnu = await deplacer(prenom.id, { parentId: 'inconnu', position: 0 });
    expect(inconnu.status).toBe(404);
    expect(inconnu.body.error.code).toBe('CHAMP_NOT_FOUND');
    for (const body of [{ position: -1 }, { direction: 'gauche' }, { direction: 'haut', position: 0 }, {}]) {
      const invalide = await deplacer(prenom.id, body);
      expect(invalide.status).toBe(400);
      expect(invalide.body.error.code).toBe('VALIDATION_FAILED');
    }
    const etranger = await deplacer(prenom.id, { parentId: null, position: 0 }, 'champs', autreAdmin);
    expect(etranger.status).toBe(404);

    // « Prénom » tested by its later sibling, and « Allocataire ? » by a child: a move that puts them after their
    // dependant, or out of reach, is refused with the dependants named.
    const condition = await http(admin, 'PUT', `/demarches/${id}/champs/${age.id}/condition`, {
      condition: { champId: nom.id, operator: 'equals', value: 'true' },
    });
    expect(condition.status).toBe(200);
    await deplacer(age.id, { parentId: enfants.id, position: 2 });
    await http(admin, 'PUT', `/demarches/${id}/champs/${age.id}/condition`, {
      condition: {
        all: [
          { champId: nom.id, operator: 'equals', value: 'true' },
          { champId: prenom.id, operator: 'is_not_empty', value: '' },
        ],
      },
    });
    const apresDependant = await deplacer(prenom.id, { parentId: null, position: 3 });
    expect(apresDependant.status).toBe(409);
    expect(apresDependant.body.error).toMatchObject({
      code: 'CHAMP_DEPENDANCE',
      details: { champId: prenom.id, dependants: [{ cle: `champs:${age.id}` }] },
    });
    expect(apresDependant.body.error.message).toContain('la condition du champ « Âge »');
    const dansUnBloc = await deplacer(nom.id, { parentId: vehicules.id, position: 0 });
    expect(dansUnBloc.status).toBe(409);
    expect(dansUnBloc.body.error.code).toBe('CHAMP_DEPENDANCE');
    const sousCondition = await deplacer(age.id, { parentId: null, position: 0 });
    expect(sousCondition.status).toBe(409);
    expect(sousCondition.body.error.message).toContain('ne peut pas être déplacé à cet endroit');
    // Out of the bloc but before it, « Prénom » still comes before « Âge »: accepted.
    const avantBloc = await deplacer(prenom.id, { parentId: null, position: 1 });
    expect(avantBloc.body).toEqual({ parentId: null, ordre: [nom.id, prenom.id, enfants.id, vehicules.id] });

    // Stored in FerretDB as moved.
    const stored = await http(admin, 'GET', `/demarches/${id}`);
    expect(ids(stored.body.champs)).toEqual([nom.id, prenom.id, enfants.id, vehicules.id]);
    expect(ids(stored.body.champs[2].children)).toEqual([commentaire.id, age.id]);
    expect(stored.body.champs[2].children[1].condition).toEqual(
      expect.objectContaining({ all: expect.any(Array) }),
    );
    expect(stored.body.champs[3].children).toEqual([]);
    expect(stored.body.champs[1].children).toBeUndefined();

    // Vehicules needs a champ to publish.
    const marque = await champ({ type: 'text', label: 'Marque', parentId: vehicules.id });
    const published = await http(admin, 'POST', `/demarches/${id}/publier`, {
      slug: 'aide-familles-deplacement',
    });
    expect(published.status).toBe(200);

    // Published champs keep their bloc, and may still be reordered.
    const sortie = await deplacer(commentaire.id, { parentId: null, position: 0 });
    expect(sortie.status).toBe(409);
    expect(sortie.body.error).toMatchObject({
      code: 'CHAMP_PUBLIE_DEPLACEMENT',
      details: { champId: commentaire.id, parentIdPublie: enfants.id },
    });
    expect(sortie.body.error.message).toContain('« Commentaire » est publié');
    const entree = await deplacer(prenom.id, { parentId: enfants.id, position: 0 });
    expect(entree.status).toBe(409);
    expect(entree.body.error.code).toBe('CHAMP_PUBLIE_DEPLACEMENT');
    const reordonne = await deplacer(commentaire.id, { parentId: enfants.id, position: 1 });
    expect(reordonne.body).toEqual({ parentId: enfants.id, ordre: [age.id, commentaire.id] });
    // A champ added since goes into a published bloc.
    const classe = await champ({ type: 'text', label: 'Classe' });
    const classeDansBloc = await deplacer(classe.id, { parentId: vehicules.id, position: 0 });
    expect(classeDansBloc.body).toEqual({ parentId: vehicules.id, ordre: [classe.id, marque.id] });

    const republished = await http(admin, 'POST', `/demarches/${id}/publier`, {
      slug: 'aide-familles-deplacement',
    });
    expect(republished.status).toBe(200);
    type Published = PayloadOf<typeof Topics.procedure, 'DemarchePublished'>;
    const event = await waitFor(
      () =>
        probe.of(
          'DemarchePublished',
          (p) => p.demarcheId === id && !p.enTest && (p as unknown as Published).revisionNumber === 2,
        )[0],
      'second DemarchePublished',
    );
    const snapshot = (event.payload as unknown as Published).champs;
    expect(ids(snapshot)).toEqual([nom.id, prenom.id, enfants.id, vehicules.id]);
    expect(ids(snapshot[2].children)).toEqual([age.id, commentaire.id]);
    expect(ids(snapshot[3].children)).toEqual([classe.id, marque.id]);
  });

  it('moves annotations privées into and out of their blocs', async () => {
    const id = await demarche('Suivi des familles');
    const annotation = async (body: Record<string, unknown>) =>
      (await http(admin, 'POST', `/demarches/${id}/annotations`, body)).body as Champ;
    const visites = await annotation({ type: 'repetition', label: 'Visites' });
    const note = await annotation({ type: 'text', label: 'Note' });
    const dedans = await http(admin, 'POST', `/demarches/${id}/annotations/${note.id}/deplacer`, {
      parentId: visites.id,
      position: 0,
    });
    expect(dedans.body).toEqual({ parentId: visites.id, ordre: [note.id] });
    // The usager's form has no such bloc.
    const autreFormulaire = await http(admin, 'POST', `/demarches/${id}/champs/${note.id}/deplacer`, {
      parentId: null,
      position: 0,
    });
    expect(autreFormulaire.status).toBe(404);
    const stored = await http(admin, 'GET', `/demarches/${id}`);
    expect(ids(stored.body.annotations)).toEqual([visites.id]);
    expect(ids(stored.body.annotations[0].children)).toEqual([note.id]);
  });
});
