// The usager's side of a dossier through the gateway, on the running platform (issue #6, last « done when »): an
// administrateur builds a démarche with EVERY champ type of the form builder; a particulier and an entreprise each
// fill it (a pièce justificative goes straight to S3 through the presigned URL), invite a co-author who edits but
// cannot deposit, deposit, edit en construction; the instructeur of the groupe reads the deposited dossier; every
// change arrives on Kafka. Then a draft past its durée de conservation is deleted after its warning e-mail.
//
// The entreprise's SIRET is looked up at the API Entreprise fake this spec starts on the port the platform's
// dossier service is configured with (tools/run/services.mjs, docs/testing.md), so the établissement is verified.
// The retention sweep runs every ECHEANCES_SWEEP_EVERY_MS on the platform; the draft is aged in dossier's database,
// as access-matrix does for token expiry.
import { DeletionReason, DossierState, EventCatalog, type TopicName, Topics } from '@demarches/contracts';
import { KafkaProbe, Mailpit } from '@demarches/testing';
import mongoose from 'mongoose';
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { decrirePourPublication } from './support/demarche';
import { api, demoUsers, eventually, signIn } from './support/platform';

jest.setTimeout(300_000);

const ROOT = join(__dirname, '..');
const API_ENTREPRISE_PORT = Number(process.env.E2E_API_ENTREPRISE_PORT ?? 3090);
const FAKE_TOKEN = 'fake-api-entreprise-token';
/** DINUM, known to the fake (services/dossier/src/testing/fake-api-entreprise.server.ts). */
const SIRET_ENTREPRISE = '13002526500013';
const DUREE_CONSERVATION_MOIS = 3;

const recorder = new KafkaProbe('');
const mailpit = new Mailpit(process.env.E2E_MAIL_API_URL);
const run = Date.now().toString(36);
const tokens = { administrateur: '', instructeur: '', usager: '', coAuteur: '' };
let fakeApiEntreprise: ChildProcess | undefined;

type Valeurs = Record<string, unknown>;

interface ChampDef {
  type: string;
  label: string;
  mandatory?: boolean;
  options?: string[];
}

/** Every type of services/form-builder/src/domain/type-de-champ.ts, in that order. */
const CHAMPS: ChampDef[] = [
  { type: 'text', label: 'Nom du projet', mandatory: true },
  { type: 'textarea', label: 'Description du projet' },
  { type: 'formatted', label: 'Référence cadastrale' },
  { type: 'date', label: 'Date de début', mandatory: true },
  { type: 'datetime', label: 'Rendez-vous souhaité' },
  { type: 'decimal_number', label: 'Budget' },
  { type: 'integer_number', label: 'Nombre de participants' },
  { type: 'checkbox', label: 'Je certifie l’exactitude des informations', mandatory: true },
  { type: 'civilite', label: 'Civilité du référent' },
  { type: 'email', label: 'E-mail de contact', mandatory: true },
  { type: 'phone', label: 'Téléphone' },
  { type: 'address', label: 'Adresse du projet' },
  { type: 'yes_no', label: 'Projet déjà subventionné' },
  {
    type: 'drop_down_list',
    label: 'Thème',
    options: ['--Nature--', 'Jardin', 'Verger', '--Culture--', 'Fresque'],
  },
  { type: 'multiple_drop_down_list', label: 'Publics visés', options: ['Enfants', 'Adultes', 'Seniors'] },
  {
    type: 'linked_drop_down_list',
    label: 'Territoire',
    options: ['--Bretagne--', 'Rennes', 'Brest', '--Occitanie--', 'Toulouse', 'Montpellier'],
  },
  { type: 'pays', label: 'Pays de résidence' },
  { type: 'regions', label: 'Région' },
  { type: 'departements', label: 'Département' },
  { type: 'communes', label: 'Commune' },
  { type: 'epci', label: 'Intercommunalité' },
  { type: 'header_section', label: 'Pièces et références' },
  { type: 'explication', label: 'Joignez le budget prévisionnel au format PDF.' },
  { type: 'dossier_link', label: 'Dossier lié' },
  { type: 'piece_justificative', label: 'Budget prévisionnel', mandatory: true },
  { type: 'siret', label: 'SIRET du partenaire' },
  { type: 'carte', label: 'Emprise du projet' },
  { type: 'repetition', label: 'Membres de l’équipe' },
  { type: 'iban', label: 'IBAN' },
];

const POLYGONE = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [4.83, 45.76],
            [4.84, 45.76],
            [4.84, 45.77],
            [4.83, 45.76],
          ],
        ],
      },
    },
  ],
};

/** The champs of each row of « Membres de l’équipe » (a bloc répétable). */
const MEMBRE = [
  { type: 'text', label: 'Nom du membre', mandatory: true },
  { type: 'drop_down_list', label: 'Rôle', options: ['Jardinier', 'Trésorier'] },
];

/** What the usager types, by champ label (pièce justificative and dossier lié are set by the scenario). */
const SAISIE: Record<string, unknown> = {
  'Nom du projet': 'Le jardin des Lilas',
  'Description du projet': 'Un jardin partagé\nau pied des immeubles',
  'Référence cadastrale': '000 AB 123',
  'Date de début': '2027-03-01',
  'Rendez-vous souhaité': '2027-02-10T14:30',
  Budget: '1 200,75',
  'Nombre de participants': '42',
  'Je certifie l’exactitude des informations': true,
  'Civilité du référent': 'Mme',
  'E-mail de contact': ' contact@jardin-des-lilas.fr ',
  Téléphone: '0590 12 34 56',
  'Adresse du projet': '3 rue des Lilas, 69001 Lyon',
  'Projet déjà subventionné': false,
  Thème: 'Verger',
  'Publics visés': ['Seniors', 'Enfants'],
  Territoire: { primary: 'Occitanie', secondary: 'Toulouse' },
  'Pays de résidence': 'fr',
  Région: '84',
  Département: '69',
  Commune: { code: '69123', postcode: '69001' },
  Intercommunalité: '200046977',
  'SIRET du partenaire': '732 829 320 00074',
  'Emprise du projet': POLYGONE,
  IBAN: 'FR14 2004 1010 0505 0001 3M02 606',
};

interface Demarche {
  id: string;
  slug: string;
  title: string;
  champIds: Record<string, string>;
}

async function ok<T>(promise: Promise<{ status: number; body: T }>, what: string, status = [200, 201]) {
  const response = await promise;
  if (!status.includes(response.status)) {
    throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

/** An administrateur builds and publishes a démarche with every champ type, through the form builder's API. */
async function construireDemarche(publicCible: 'particulier' | 'personne_morale'): Promise<Demarche> {
  const token = tokens.administrateur;
  const title = `Jardins partagés (${publicCible === 'particulier' ? 'particuliers' : 'associations'}) ${run}`;
  const created = await ok(
    api<{ id: string }>('POST', '/api/demarches', {
      token,
      body: { title, description: 'Subvention des jardins partagés de quartier.' },
    }),
    'création de la démarche',
  );
  await ok(
    api('PATCH', `/api/demarches/${created.id}`, {
      token,
      body: { publicCible, dureeConservationMois: DUREE_CONSERVATION_MOIS },
    }),
    'public et conservation',
  );
  const champIds: Record<string, string> = {};
  for (const champ of CHAMPS) {
    const added = await ok(
      api<{ id: string }>('POST', `/api/demarches/${created.id}/champs`, {
        token,
        body: { mandatory: false, options: [], ...champ },
      }),
      `champ ${champ.type}`,
    );
    champIds[champ.label] = added.id;
  }
  for (const child of MEMBRE) {
    const added = await ok(
      api<{ id: string }>('POST', `/api/demarches/${created.id}/champs`, {
        token,
        body: { mandatory: false, options: [], ...child, parentId: champIds['Membres de l’équipe'] },
      }),
      `champ ${child.label} du bloc`,
    );
    champIds[child.label] = added.id;
  }
  await ok(
    api('POST', `/api/demarches/${created.id}/instructeurs`, {
      token,
      body: { email: demoUsers.instructeur },
    }),
    'instructeur',
  );
  await decrirePourPublication(token, created.id);
  const slug = `jardins-${publicCible.replace('_', '-')}-${run}`;
  await ok(api('POST', `/api/demarches/${created.id}/publier`, { token, body: { slug } }), 'publication');
  const published = await eventually(async () => {
    const response = await api<{ champs: { id: string; type: string }[] }>('GET', `/api/commencer/${slug}`);
    return response.status === 200 ? response.body : undefined;
  }, `la démarche publiée à /commencer/${slug}`);
  // Every type reached the dossier service, in order.
  expect(published.champs.map((champ) => champ.type)).toEqual(CHAMPS.map((champ) => champ.type));
  return { id: created.id, slug, title, champIds };
}

/** Rows of the bloc répétable, keyed by the child champs' ids. */
function membres(demarche: Demarche, noms: string[]): Record<string, string>[] {
  return noms.map((nom, index) => ({
    [demarche.champIds['Nom du membre']]: nom,
    [demarche.champIds['Rôle']]: index === 0 ? 'Trésorier' : 'Jardinier',
  }));
}

function valeurs(demarche: Demarche, labels: string[]): Valeurs {
  return Object.fromEntries(
    labels.map((label) => [
      demarche.champIds[label],
      label === 'Membres de l’équipe' ? membres(demarche, ['Awa', 'Louis']) : SAISIE[label],
    ]),
  );
}

/** The browser's part of an upload: declare, PUT the bytes to S3 with the presigned request, confirm. */
async function televerser(token: string, dossierId: string, champId: string): Promise<string> {
  const pdf = Buffer.from(`%PDF-1.7\n% Budget prévisionnel ${run}\n1 0 obj << >> endobj\n%%EOF\n`);
  const started = await ok(
    api<{
      pieceJointe: { id: string };
      envoi: { mode: string; request: { url: string; method: string; headers: Record<string, string> } };
    }>('POST', `/api/dossiers/${dossierId}/pieces-jointes`, {
      token,
      body: {
        champId,
        fileName: 'Budget prévisionnel 2027.pdf',
        contentType: 'application/pdf',
        size: pdf.length,
        sha256: createHash('sha256').update(pdf).digest('hex'),
      },
    }),
    'déclaration du fichier',
  );
  expect(started.envoi.mode).toBe('simple');
  const put = await fetch(started.envoi.request.url, {
    method: started.envoi.request.method,
    headers: started.envoi.request.headers,
    body: pdf,
  });
  expect(put.status).toBe(200);
  const confirmed = await ok(
    api<{ pieceJointe: { statut: string } }>(
      'POST',
      `/api/dossiers/${dossierId}/pieces-jointes/${started.pieceJointe.id}/confirmer`,
      { token, body: {} },
    ),
    'confirmation du fichier',
  );
  expect(confirmed.pieceJointe.statut).toBe('jointe');
  return started.pieceJointe.id;
}

interface DossierVu {
  id: string;
  number: number;
  state: string;
  version: number;
  champs: Record<string, unknown>;
  demandeur: Record<string, unknown> | null;
  invites: { email: string }[];
  history: { action: string; by: string; champIds?: string[] }[];
}

/** The whole usager journey on one démarche; returns the deposited dossier. */
async function parcoursUsager(
  demarche: Demarche,
  identite: (dossierId: string) => Promise<void>,
  lie: number | null,
): Promise<DossierVu> {
  const id = (label: string) => demarche.champIds[label]!;
  const created = await ok(
    api<DossierVu>('POST', `/api/commencer/${demarche.slug}/dossiers`, { token: tokens.usager }),
    'nouveau dossier',
  );
  expect(created.state).toBe('brouillon');
  const dossierId = created.id;
  await identite(dossierId);

  // A draft saves without its mandatory values; every given value is checked and stored normalised.
  const premiers = [
    'Nom du projet',
    'Description du projet',
    'Référence cadastrale',
    'Rendez-vous souhaité',
    'Budget',
    'Nombre de participants',
    'Civilité du référent',
    'Téléphone',
    'Adresse du projet',
    'Projet déjà subventionné',
    'Thème',
    'Publics visés',
    'Territoire',
    'Pays de résidence',
    'Région',
    'Département',
    'Commune',
    'Intercommunalité',
    'SIRET du partenaire',
    'Emprise du projet',
    'Membres de l’équipe',
    'IBAN',
  ];
  const brouillon = await ok(
    api<DossierVu>('PATCH', `/api/dossiers/${dossierId}/champs`, {
      token: tokens.usager,
      body: { values: valeurs(demarche, premiers) },
    }),
    'brouillon',
  );
  expect(brouillon.champs).toMatchObject({
    [id('Budget')]: 1200.75,
    [id('Nombre de participants')]: 42,
    [id('Publics visés')]: ['Enfants', 'Seniors'],
    [id('Pays de résidence')]: { code: 'FR' },
    [id('Région')]: { code: '84' },
    [id('Commune')]: { code: '69123', postcode: '69001' },
    [id('SIRET du partenaire')]: '73282932000074',
    [id('IBAN')]: 'FR1420041010050500013M02606',
    [id('Membres de l’équipe')]: membres(demarche, ['Awa', 'Louis']),
  });
  // Rows of the bloc répétable are added and removed by sending the whole list; each child is validated.
  const uneLigne = await ok(
    api<DossierVu>('PATCH', `/api/dossiers/${dossierId}/champs`, {
      token: tokens.usager,
      body: { values: { [id('Membres de l’équipe')]: membres(demarche, ['Awa']) } },
    }),
    'retrait d’une ligne',
  );
  expect(uneLigne.champs[id('Membres de l’équipe')]).toEqual(membres(demarche, ['Awa']));
  const roleInconnu = await api<{ error: { code: string } }>('PATCH', `/api/dossiers/${dossierId}/champs`, {
    token: tokens.usager,
    body: {
      values: { [id('Membres de l’équipe')]: [{ [id('Nom du membre')]: 'Awa', [id('Rôle')]: 'Maire' }] },
    },
  });
  expect(roleInconnu.status).toBe(400);
  expect(roleInconnu.body.error.code).toBe('CHAMP_INVALID');

  // Invalid values are refused with the champ named; nothing is stored.
  const invalides = await api<{ error: { code: string; message: string } }>(
    'PATCH',
    `/api/dossiers/${dossierId}/champs`,
    {
      token: tokens.usager,
      body: { values: { [id('Date de début')]: '30/02/2027', [id('E-mail de contact')]: 'contact@' } },
    },
  );
  expect(invalides.status).toBe(400);
  expect(invalides.body.error.code).toBe('CHAMP_INVALID');

  // The dépôt lists every missing mandatory champ at once.
  const incomplet = await api<{ error: { code: string; message: string } }>(
    'POST',
    `/api/dossiers/${dossierId}/deposer`,
    { token: tokens.usager, body: {} },
  );
  expect(incomplet.status).toBe(400);
  expect(incomplet.body.error.code).toBe('DOSSIER_INCOMPLETE');
  for (const label of [
    'Date de début',
    'Je certifie l’exactitude des informations',
    'E-mail de contact',
    'Budget prévisionnel',
  ]) {
    expect(incomplet.body.error.message).toContain(label);
  }

  // The pièce justificative goes to S3 through the presigned URL, then is attached to its champ.
  const pieceId = await televerser(tokens.usager, dossierId, id('Budget prévisionnel'));

  // Co-construction: the owner invites a co-author, who edits but cannot deposit.
  const invited = await ok(
    api<DossierVu>('POST', `/api/dossiers/${dossierId}/invites`, {
      token: tokens.usager,
      body: { email: demoUsers.autreUsager, message: `Peux-tu compléter la date et le contact ? (${run})` },
    }),
    'invitation',
  );
  expect(invited.invites.map((invite) => invite.email)).toEqual([demoUsers.autreUsager]);
  const invitations = await ok(
    api<{ dossiers: { id: string; number: number; state: string }[] }>('GET', '/api/dossiers/invites', {
      token: tokens.coAuteur,
    }),
    'dossiers invités',
  );
  expect(invitations.dossiers).toContainEqual(
    expect.objectContaining({ id: dossierId, number: created.number, state: 'brouillon' }),
  );
  await ok(
    api('PATCH', `/api/dossiers/${dossierId}/champs`, {
      token: tokens.coAuteur,
      body: { values: valeurs(demarche, ['Date de début', 'E-mail de contact']) },
    }),
    'modification par le co-auteur',
  );
  const refusDepot = await api<{ error: { code: string } }>('POST', `/api/dossiers/${dossierId}/deposer`, {
    token: tokens.coAuteur,
    body: {},
  });
  expect(refusDepot.status).toBe(403);
  expect(refusDepot.body.error.code).toBe('ACTION_NON_AUTORISEE');
  // An instructeur never sees a brouillon.
  expect((await api('GET', `/api/dossiers/${dossierId}`, { token: tokens.instructeur })).status).toBe(404);

  // The owner completes and deposits.
  const derniers: Valeurs = {
    [id('Je certifie l’exactitude des informations')]: true,
    ...(lie !== null ? { [id('Dossier lié')]: lie } : {}),
  };
  const complet = await ok(
    api<DossierVu>('PATCH', `/api/dossiers/${dossierId}/champs`, {
      token: tokens.usager,
      body: { values: derniers },
    }),
    'dernières valeurs',
  );
  expect(complet.champs[id('Budget prévisionnel')]).toEqual({ attachmentIds: [pieceId] });
  expect(complet.champs[id('Date de début')]).toBe('2027-03-01');
  expect(complet.champs[id('E-mail de contact')]).toBe('contact@jardin-des-lilas.fr');
  const depose = await ok(
    api<DossierVu>('POST', `/api/dossiers/${dossierId}/deposer`, {
      token: tokens.usager,
      body: { expectedVersion: complet.version },
    }),
    'dépôt',
  );
  expect(depose.state).toBe('en_construction');

  // En construction the dossier stays editable (by the owner and the co-author); each edit is recorded.
  const modifie = await ok(
    api<DossierVu>('PATCH', `/api/dossiers/${dossierId}/champs`, {
      token: tokens.usager,
      body: { values: { [id('Nombre de participants')]: 45 } },
    }),
    'modification en construction',
  );
  expect(modifie.state).toBe('en_construction');
  expect(modifie.history.at(-1)).toMatchObject({
    action: 'modifier',
    by: demoUsers.usager,
    champIds: [id('Nombre de participants')],
  });
  const stale = await api<{ error: { code: string } }>('POST', `/api/dossiers/${dossierId}/invites`, {
    token: tokens.usager,
    body: { email: 'tiers@exemple.fr', message: '', expectedVersion: depose.version },
  });
  expect(stale.status).toBe(409);
  expect(stale.body.error.code).toBe('DOSSIER_STALE');

  // The instructeur of the groupe reads the deposited dossier, its PDF and its file; the usager gets the PDF too.
  const vuParInstructeur = await ok(
    api<DossierVu>('GET', `/api/dossiers/${dossierId}`, { token: tokens.instructeur }),
    'lecture par l’instructeur',
  );
  expect(vuParInstructeur.champs[id('Nombre de participants')]).toBe(45);
  for (const token of [tokens.usager, tokens.instructeur]) {
    const pdf = await fetch(
      `${process.env.E2E_GATEWAY_URL ?? 'http://127.0.0.1:3000'}/api/dossiers/${dossierId}/pdf`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
  }
  const lien = await ok(
    api<{ url: string }>('GET', `/api/dossiers/${dossierId}/pieces-jointes/${pieceId}/telechargement`, {
      token: tokens.instructeur,
    }),
    'lien de téléchargement',
  );
  const telecharge = await fetch(lien.url);
  expect(telecharge.status).toBe(200);
  expect((await telecharge.text()).startsWith('%PDF-1.7')).toBe(true);
  return modifie;
}

/** Every change of the dossier on Kafka, with what the projections need. */
async function evenementsDuDossier(dossier: DossierVu, demarche: Demarche) {
  const of = (type: string) => recorder.of(type, (p) => p.dossierId === dossier.id);
  await eventually(
    async () =>
      of('DossierCreated').length > 0 &&
      of('DossierInviteAdded').length > 0 &&
      of('DossierDeposited').length > 0 &&
      of('DossierUpdated').some((event) => event.payload.state === DossierState.EN_CONSTRUCTION),
    `les événements du dossier ${dossier.number} sur Kafka`,
  );
  // dossier's own events, keyed by the dossier (notification's delivery events about it live elsewhere).
  const duDossier = recorder.events.filter(
    (e) => e.topic === Topics.dossier && e.payload.dossierId === dossier.id,
  );
  for (const event of duDossier) expect(event.key).toBe(dossier.id);
  expect(of('DossierCreated')[0]!.payload).toMatchObject({ demarcheId: demarche.id, number: dossier.number });
  expect(of('DossierInviteAdded')[0]!.payload).toMatchObject({
    email: demoUsers.autreUsager,
    invitedByEmail: demoUsers.usager,
    message: expect.stringContaining(run),
  });
  // The co-author's edit is attributed to them.
  expect(of('DossierUpdated').map((event) => event.payload.authorEmail)).toContain(demoUsers.autreUsager);
  const deposited = of('DossierDeposited')[0]!.payload;
  expect(deposited).toMatchObject({
    demarcheId: demarche.id,
    demarcheTitle: demarche.title,
    usagerEmail: demoUsers.usager,
    state: DossierState.EN_CONSTRUCTION,
    inviteEmails: [demoUsers.autreUsager],
  });
  const champs = deposited.champs as { champId: string; value: string }[];
  expect(champs).toHaveLength(CHAMPS.length);
  expect(champs).toContainEqual(
    expect.objectContaining({ champId: demarche.champIds['Nom du projet'], value: 'Le jardin des Lilas' }),
  );
  const apresDepot = of('DossierUpdated').filter(
    (event) => event.payload.state === DossierState.EN_CONSTRUCTION,
  );
  expect(apresDepot.at(-1)!.payload).toMatchObject({
    changedChampIds: [demarche.champIds['Nombre de participants']],
  });
  // Versions only grow: projections drop what is stale or repeated.
  const versions = duDossier.map((e) => Number(e.payload.version));
  expect([...versions].sort((a, b) => a - b)).toEqual(versions);
  return deposited;
}

/** The mail to `address` whose subject holds `subject` and whose text holds `marker` (this run's), if any. */
async function mailTo(address: string, subject: string, marker: string) {
  for (const mail of (await mailpit.search(address)).filter((m) => m.subject.includes(subject))) {
    const text = await mailpit.text(mail.id);
    if (text.includes(marker)) return { ...mail, text };
  }
  return undefined;
}

async function demarrerFauxApiEntreprise(): Promise<void> {
  const repond = async () => {
    try {
      const response = await fetch(
        `http://127.0.0.1:${API_ENTREPRISE_PORT}/v3/insee/sirene/etablissements/${SIRET_ENTREPRISE}?context=e2e&recipient=13002526500013&object=e2e`,
        { headers: { authorization: `Bearer ${FAKE_TOKEN}` } },
      );
      return response.status === 200;
    } catch {
      return false;
    }
  };
  if (await repond()) return; // Already running (started by hand): use it.
  const child = spawn(
    process.execPath,
    [
      '-r',
      '@swc-node/register',
      join(ROOT, 'services/dossier/src/testing/fake-api-entreprise.main.ts'),
      String(API_ENTREPRISE_PORT),
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  fakeApiEntreprise = child;
  await eventually(repond, 'le faux API Entreprise', 60_000);
}

beforeAll(async () => {
  await recorder.start(Object.keys(EventCatalog) as TopicName[]);
  await demarrerFauxApiEntreprise();
  tokens.administrateur = await signIn(demoUsers.administrateur);
  tokens.instructeur = await signIn(demoUsers.instructeur);
  tokens.usager = await signIn(demoUsers.usager);
  tokens.coAuteur = await signIn(demoUsers.autreUsager);
});

afterAll(async () => {
  await recorder.stop();
  fakeApiEntreprise?.kill('SIGTERM');
});

const etat: { particulier?: DossierVu; demarcheParticulier?: Demarche } = {};

describe('dossiers of a démarche with every champ type', () => {
  it('lets a particulier fill, share, deposit and edit a dossier, every change on Kafka', async () => {
    const demarche = await construireDemarche('particulier');
    etat.demarcheParticulier = demarche;
    const dossier = await parcoursUsager(
      demarche,
      async (dossierId) => {
        await ok(
          api('PUT', `/api/dossiers/${dossierId}/identite/particulier`, {
            token: tokens.usager,
            body: { civilite: 'Mme', nom: 'Martin', prenom: 'Claire' },
          }),
          'identité',
        );
      },
      null,
    );
    etat.particulier = dossier;
    const deposited = await evenementsDuDossier(dossier, demarche);
    expect(deposited.demandeur).toMatchObject({
      particulier: { civilite: 'Mme', nom: 'Martin', prenom: 'Claire' },
    });
    // The co-author was told by e-mail, with the owner's message.
    const invitation = await eventually(
      () => mailTo(demoUsers.autreUsager, `dossier nº ${dossier.number}`, run),
      'l’e-mail d’invitation au co-auteur',
    );
    expect(invitation.subject).toBe(`Vous êtes invité à compléter le dossier nº ${dossier.number}`);
    // And the instructeur sees it to follow.
    await eventually(async () => {
      const listed = await api<{ dossiers?: { dossierId: string; state: string }[] }>(
        'GET',
        '/api/instructeur/dossiers?onglet=a-suivre',
        { token: tokens.instructeur },
      );
      return listed.body.dossiers?.some((d) => d.dossierId === dossier.id && d.state === 'en_construction');
    }, 'le dossier dans l’onglet « à suivre » de l’instructeur');
  });

  it('lets an entreprise identified by its SIRET at API Entreprise do the same, linking the first dossier', async () => {
    expect(etat.particulier).toBeDefined();
    const demarche = await construireDemarche('personne_morale');
    const dossier = await parcoursUsager(
      demarche,
      async (dossierId) => {
        const trouve = await ok(
          api<DossierVu>('PUT', `/api/dossiers/${dossierId}/identite/personne-morale`, {
            token: tokens.usager,
            body: { siret: '130 025 265 00013' },
          }),
          'SIRET',
        );
        // Verified at API Entreprise (the fake), to be confirmed by the usager before the dépôt.
        expect(trouve.demandeur).toEqual({
          kind: 'personne_morale',
          siret: SIRET_ENTREPRISE,
          raisonSociale: 'DIRECTION INTERMINISTERIELLE DU NUMERIQUE',
          naf: '84.11Z – Administration publique générale',
          formeJuridique: 'Service central d’un ministère',
          adresse: '20 AVENUE DE SEGUR, 75007 PARIS',
          verified: true,
          confirmed: false,
        });
        const confirme = await ok(
          api<DossierVu>('POST', `/api/dossiers/${dossierId}/identite/personne-morale/confirmer`, {
            token: tokens.usager,
            body: { siret: SIRET_ENTREPRISE },
          }),
          'confirmation du SIRET',
        );
        expect(confirme.demandeur).toMatchObject({ confirmed: true, verified: true });
      },
      etat.particulier!.number,
    );
    expect(dossier.champs[demarche.champIds['Dossier lié']!]).toBe(etat.particulier!.number);
    const deposited = await evenementsDuDossier(dossier, demarche);
    expect(deposited.demandeur).toMatchObject({
      personneMorale: { siret: SIRET_ENTREPRISE, verified: true },
    });
  });

  it('deletes a draft past its durée de conservation, after the warning e-mail', async () => {
    const demarche = etat.demarcheParticulier!;
    const brouillon = await ok(
      api<DossierVu>('POST', `/api/commencer/${demarche.slug}/dossiers`, { token: tokens.usager }),
      'brouillon à expirer',
    );
    await ok(
      api('PATCH', `/api/dossiers/${brouillon.id}/champs`, {
        token: tokens.usager,
        body: { values: { [demarche.champIds['Nom du projet']!]: 'Projet abandonné' } },
      }),
      'saisie',
    );
    const db = await mongoose
      .createConnection(process.env.E2E_MONGO_URL ?? 'mongodb://127.0.0.1:27017/', {
        dbName: process.env.E2E_DOSSIER_DB ?? 'demarches_dossier',
      })
      .asPromise();
    const dossiers = db.collection('dossiers');
    const ilYA = (mois: number, jours = 0) => {
      const date = new Date();
      date.setUTCMonth(date.getUTCMonth() - mois);
      date.setUTCDate(date.getUTCDate() - jours);
      return date;
    };
    try {
      // Last changed three months minus a week ago: its end is a week away, within the month of notice.
      // The sweep reads the due dates stored with the dossier (ADR 0014), then checks the rule on the dossier itself:
      // moving time back means moving those dates too.
      const maintenant = () => new Date(Date.now() - 60_000);
      await dossiers.updateOne(
        { _id: brouillon.id as never },
        { $set: { updatedAt: ilYA(DUREE_CONSERVATION_MOIS, -7), expirationNoticeAt: maintenant() } },
      );
      const avertissement = await eventually(
        async () => recorder.of('DossierExpirationNotified', (p) => p.dossierId === brouillon.id)[0],
        'DossierExpirationNotified sur Kafka',
        60_000,
      );
      expect(avertissement.payload).toMatchObject({
        number: brouillon.number,
        usagerEmail: demoUsers.usager,
        demarcheTitle: demarche.title,
      });
      const mail = await eventually(
        () =>
          mailTo(demoUsers.usager, `brouillon nº ${brouillon.number} sera bientôt supprimé`, brouillon.id),
        'l’e-mail d’avertissement',
      );
      expect(mail.subject).toBe(
        `Votre brouillon nº ${brouillon.number} sera bientôt supprimé (${demarche.title})`,
      );
      expect((await api('GET', `/api/dossiers/${brouillon.id}`, { token: tokens.usager })).status).toBe(200);

      // A month and more later, still untouched and past its end: the sweep deletes it.
      await dossiers.updateOne(
        { _id: brouillon.id as never },
        {
          $set: {
            updatedAt: ilYA(DUREE_CONSERVATION_MOIS + 2),
            expirationNotifiedAt: ilYA(1, 2),
            expiresAt: maintenant(),
          },
        },
      );
      const suppression = await eventually(
        async () => recorder.of('DossierDeleted', (p) => p.dossierId === brouillon.id)[0],
        'DossierDeleted sur Kafka',
        60_000,
      );
      expect(suppression.payload).toMatchObject({
        reason: DeletionReason.EXPIRED,
        state: DossierState.BROUILLON,
      });
      expect((await api('GET', `/api/dossiers/${brouillon.id}`, { token: tokens.usager })).status).toBe(404);
      const mine = await ok(
        api<{ dossiers: { id: string }[] }>('GET', '/api/dossiers?perPage=100', { token: tokens.usager }),
        'mes dossiers',
      );
      expect(mine.dossiers.map((d) => d.id)).not.toContain(brouillon.id);
    } finally {
      await db.close();
    }
  });
});
