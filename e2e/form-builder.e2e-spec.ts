// Issue #4 « done when », against the running platform through the gateway: an administrateur builds a démarche with
// every champ type, annotations, a condition, routing to two groupes, customised e-mails and an attestation; tests it
// with a test dossier through /commencer/test/<id>; publishes it; the DemarchePublished snapshot on Kafka carries all
// of it and the test dossier is gone. Then clone, send a copy to a colleague (Mailpit) and close.
import {
  champTypeFromName,
  ConditionOperator,
  DeletionReason,
  EventCatalog,
  MailKind,
  type TopicName,
  Topics,
} from '@demarches/contracts';
import { KafkaProbe, Mailpit } from '@demarches/testing';
import { decrirePourPublication, renseignerIdentite } from './support/demarche';
import { api, demoUsers, eventually, signIn } from './support/platform';

jest.setTimeout(180_000);

// The running platform uses unprefixed topics; tests pick their own events out by the ids they created.
const recorder = new KafkaProbe('');
const mailpit = new Mailpit(process.env.E2E_MAIL_API_URL);
const run = Date.now().toString(36);
const slug = `jardins-tous-champs-${run}`;
const collegue = `collegue-${run}@demo.demarches.gouv.fr`;
const TITRE = `Aide aux jardins partagés – tous les champs (${run})`;
const tokens = { administrateur: '', instructeur: '' };

/** Every champ type of services/form-builder/src/domain/type-de-champ.ts, with the options of the list types. */
const CHAMPS: { type: string; label: string; mandatory?: boolean; options?: string[] }[] = [
  // The seed's routing: a list at the start of the form.
  {
    type: 'drop_down_list',
    label: 'Secteur',
    mandatory: true,
    options: ['--Rive droite--', 'Nord', '--Rive gauche--', 'Sud'],
  },
  { type: 'header_section', label: 'Le projet' },
  { type: 'explication', label: 'Décrivez votre jardin tel qu’il est aujourd’hui.' },
  { type: 'text', label: 'Nom du jardin', mandatory: true },
  { type: 'textarea', label: 'Description du projet' },
  { type: 'formatted', label: 'Référence cadastrale' },
  { type: 'date', label: 'Date de création' },
  { type: 'datetime', label: 'Date et heure de la visite souhaitée' },
  { type: 'yes_no', label: 'Déjà subventionné ?' },
  // Shown (and then required) only when « Déjà subventionné ? » is oui.
  { type: 'decimal_number', label: 'Montant déjà reçu', mandatory: true },
  { type: 'integer_number', label: 'Nombre de membres' },
  { type: 'checkbox', label: 'Je certifie l’exactitude des informations' },
  { type: 'civilite', label: 'Civilité du référent' },
  { type: 'email', label: 'E-mail du référent' },
  { type: 'phone', label: 'Téléphone du référent' },
  { type: 'address', label: 'Adresse du jardin' },
  {
    type: 'multiple_drop_down_list',
    label: 'Équipements',
    options: ['--Eau--', 'Récupérateur', 'Goutte-à-goutte', '--Outils--', 'Abri'],
  },
  {
    type: 'linked_drop_down_list',
    label: 'Culture',
    options: ['--Fruits--', 'Pomme', 'Poire', '--Légumes--', 'Carotte'],
  },
  { type: 'pays', label: 'Pays' },
  { type: 'regions', label: 'Région' },
  { type: 'departements', label: 'Département' },
  { type: 'communes', label: 'Commune' },
  { type: 'epci', label: 'Intercommunalité' },
  { type: 'dossier_link', label: 'Dossier précédent' },
  { type: 'piece_justificative', label: 'Plan du jardin' },
  { type: 'siret', label: 'SIRET de l’association' },
  { type: 'carte', label: 'Emprise du jardin' },
  { type: 'repetition', label: 'Parcelles' },
  { type: 'iban', label: 'IBAN de l’association' },
];
const PARCELLE = [
  { type: 'text', label: 'Nom de la parcelle', mandatory: true },
  { type: 'decimal_number', label: 'Surface (m²)', settings: { min: 1 } },
];
const ANNOTATIONS = [
  { type: 'yes_no', label: 'Visite effectuée' },
  { type: 'textarea', label: 'Avis du service' },
];

const state = {
  demarcheId: '',
  champs: {} as Record<string, string>,
  annotations: [] as string[],
  groupes: { nord: '', sud: '' },
  testDossierId: '',
  cloneId: '',
};

beforeAll(async () => {
  await recorder.start(Object.keys(EventCatalog) as TopicName[]);
  tokens.administrateur = await signIn(demoUsers.administrateur);
  tokens.instructeur = await signIn(demoUsers.instructeur);
});

afterAll(async () => {
  await recorder.stop();
});

const admin = <T = Record<string, unknown>>(method: string, path: string, body?: unknown) =>
  api<T>(method, `/api${path}`, { token: tokens.administrateur, body });

describe('an administrateur builds, tests, publishes and closes a démarche with every champ type', () => {
  it('builds the form: every champ type, annotations and a conditional champ', async () => {
    const created = await admin<{ id: string; state: string }>('POST', '/demarches', {
      title: TITRE,
      description: 'Toutes les sortes de champs, pour le test de bout en bout.',
    });
    expect(created.status).toBe(201);
    expect(created.body.state).toBe('brouillon');
    state.demarcheId = created.body.id;
    const base = `/demarches/${state.demarcheId}`;

    for (const champ of CHAMPS) {
      const response = await admin<{ id: string }>('POST', `${base}/champs`, {
        description: '',
        mandatory: false,
        options: [],
        ...champ,
      });
      expect({ type: champ.type, status: response.status }).toEqual({ type: champ.type, status: 201 });
      state.champs[champ.label] = response.body.id;
    }
    // The bloc répétable gets its children; a bloc inside a bloc is refused.
    for (const child of PARCELLE) {
      const response = await admin<{ id: string }>('POST', `${base}/champs`, {
        ...child,
        parentId: state.champs['Parcelles'],
      });
      expect(response.status).toBe(201);
      state.champs[child.label] = response.body.id;
    }
    const nested = await admin('POST', `${base}/champs`, {
      type: 'repetition',
      label: 'Sous-parcelles',
      parentId: state.champs['Parcelles'],
    });
    expect(nested.body).toMatchObject({ error: { code: 'REPETITION_NESTED' } });
    for (const annotation of ANNOTATIONS) {
      const response = await admin<{ id: string }>('POST', `${base}/annotations`, annotation);
      expect(response.status).toBe(201);
      state.annotations.push(response.body.id);
    }

    // A malformed linked list is refused with the line that is wrong.
    const malformed = await admin('POST', `${base}/champs`, {
      type: 'linked_drop_down_list',
      label: 'Liste mal formée',
      options: ['Pomme', '--Fruits--', 'Poire'],
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ error: { code: 'CHAMP_INVALID', details: { line: 1 } } });

    // A condition on a later champ is refused; on an earlier one it is saved.
    const montant = state.champs['Montant déjà reçu'];
    const later = await admin('PUT', `${base}/champs/${montant}/condition`, {
      condition: { champId: state.champs['Nombre de membres'], operator: 'greater_than', value: '3' },
    });
    expect(later.status).toBe(400);
    const condition = await admin('PUT', `${base}/champs/${montant}/condition`, {
      condition: { champId: state.champs['Déjà subventionné ?'], operator: 'equals', value: 'true' },
    });
    expect(condition.status).toBe(200);

    const view = await admin<{ champs: { type: string }[]; annotations: unknown[] }>('GET', base);
    expect(view.body.champs.map((champ) => champ.type)).toEqual(CHAMPS.map((champ) => champ.type));
    expect(view.body.annotations).toHaveLength(2);
  });

  it('routes to two groupes instructeurs by the « Secteur » list', async () => {
    const base = `/demarches/${state.demarcheId}`;
    const { body } = await admin<{ groupes: { id: string; isDefault: boolean }[] }>('GET', `${base}/groupes`);
    state.groupes.nord = body.groupes.find((groupe) => groupe.isDefault)!.id;
    expect((await admin('PATCH', `${base}/groupes/${state.groupes.nord}`, { label: 'Nord' })).status).toBe(
      200,
    );
    const sud = await admin<{ id: string }>('POST', `${base}/groupes`, { label: 'Sud' });
    expect(sud.status).toBe(201);
    state.groupes.sud = sud.body.id;
    for (const groupeId of [state.groupes.nord, state.groupes.sud]) {
      const added = await admin('POST', `${base}/groupes/${groupeId}/instructeurs`, {
        email: demoUsers.instructeur,
      });
      expect(added.status).toBe(200);
    }
    const routage = await admin('PUT', `${base}/routage`, {
      mode: 'champ',
      champId: state.champs['Secteur'],
      correspondances: [
        { groupeId: state.groupes.nord, valeurs: ['Nord'] },
        { groupeId: state.groupes.sud, valeurs: ['Sud'] },
      ],
    });
    expect(routage.status).toBe(200);
  });

  it('customises e-mails and the attestation, refusing an unknown balise', async () => {
    const base = `/demarches/${state.demarcheId}`;
    const unknown = await admin('PUT', `${base}/mails/dossier_depose`, {
      subject: 'Dossier --numéro du dossier--',
      body: 'Bonjour --Prénom inconnu--',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ error: { code: 'MAIL_TEMPLATE_INVALID' } });

    const depose = await admin('PUT', `${base}/mails/dossier_depose`, {
      subject: 'Jardin « --Nom du jardin-- » : dossier nº --numéro du dossier-- reçu',
      body: 'Bonjour,\n\nVotre dossier pour le jardin « --Nom du jardin-- » est bien reçu.\n\n--lien dossier--',
    });
    expect(depose.status).toBe(200);
    const accepte = await admin('PUT', `${base}/mails/dossier_accepte`, {
      subject: 'Subvention accordée au jardin « --Nom du jardin-- »',
      body: 'Bonjour,\n\nAccepté le --date de décision-- : --motivation--\n\nAttestation : --lien attestation--',
    });
    expect(accepte.status).toBe(200);

    const attestation = await admin('PUT', `${base}/attestation`, {
      enabled: true,
      title: 'Attestation – jardin « --Nom du jardin-- »',
      body: 'Le dossier nº --numéro du dossier-- (secteur --Secteur--) a été accepté le --date de décision--.',
      footer: 'Service des espaces verts',
      qrCode: true,
    });
    expect(attestation.status).toBe(200);

    const apercu = await fetch(
      `${process.env.E2E_GATEWAY_URL ?? 'http://127.0.0.1:3000'}/api${base}/attestation/apercu`,
      {
        headers: { authorization: `Bearer ${tokens.administrateur}` },
      },
    );
    expect(apercu.status).toBe(200);
    expect(apercu.headers.get('content-type')).toContain('application/pdf');
    expect(
      Buffer.from(await apercu.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('tests the démarche en test with a test dossier through /commencer/test/<démarche id>', async () => {
    const tester = await admin<{ lienTest: string }>('POST', `/demarches/${state.demarcheId}/tester`);
    expect(tester.status).toBe(200);
    expect(tester.body.lienTest).toBe(`/commencer/test/${state.demarcheId}`);

    const snapshot = await eventually(
      async () =>
        recorder.of('DemarchePublished', (p) => p.demarcheId === state.demarcheId && p.enTest === true)[0],
      'the test snapshot (en_test) on Kafka',
    );
    expect(snapshot.payload).toMatchObject({ slug: '', enTest: true });

    const page = await eventually(async () => {
      const response = await admin<{ enTest: boolean; champs: unknown[] }>(
        'GET',
        `/commencer/test/${state.demarcheId}`,
      );
      return response.status === 200 ? response.body : undefined;
    }, 'the test page of the démarche');
    expect(page.enTest).toBe(true);
    expect(page.champs).toHaveLength(CHAMPS.length);

    // Only its administrateurs open the test link.
    const instructeur = await api('GET', `/api/commencer/test/${state.demarcheId}`, {
      token: tokens.instructeur,
    });
    expect(instructeur.status).toBe(404);
    // A démarche en test is not public.
    expect((await api('GET', `/api/commencer/${state.demarcheId}`)).status).toBe(404);

    const started = await admin<{ id: string; test: boolean; state: string }>(
      'POST',
      `/commencer/test/${state.demarcheId}/dossiers`,
    );
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ test: true, state: 'brouillon' });
    state.testDossierId = started.body.id;
    await renseignerIdentite(tokens.administrateur, state.testDossierId);

    const c = state.champs;
    const saved = await admin('PATCH', `/dossiers/${state.testDossierId}/champs`, {
      values: {
        [c['Secteur']]: 'Sud',
        [c['Nom du jardin']]: 'Jardin de test',
        [c['Déjà subventionné ?']]: true,
      },
    });
    expect(saved.status).toBe(200);
    // « Déjà subventionné ? » is oui: the conditional « Montant déjà reçu » is shown, so required.
    const incomplete = await admin('POST', `/dossiers/${state.testDossierId}/deposer`);
    expect(incomplete.status).toBe(400);
    expect(incomplete.body).toMatchObject({
      error: { code: 'DOSSIER_INCOMPLETE', message: expect.stringContaining('Montant déjà reçu') },
    });
    // Non: the champ is hidden and no longer required; the Sud list routes the dossier to the Sud groupe.
    await admin('PATCH', `/dossiers/${state.testDossierId}/champs`, {
      values: { [c['Déjà subventionné ?']]: false },
    });
    const deposited = await admin<{ state: string; groupeInstructeurId: string }>(
      'POST',
      `/dossiers/${state.testDossierId}/deposer`,
    );
    expect(deposited.status).toBe(200);
    expect(deposited.body).toMatchObject({
      state: 'en_construction',
      groupeInstructeurId: state.groupes.sud,
    });
  });

  it('publishes it: the snapshot on Kafka carries the whole revision, and the test dossier is gone', async () => {
    // What the reference requires besides the form and the instructeurs: every missing step in one refusal.
    const incomplete = await admin('POST', `/demarches/${state.demarcheId}/publier`, { slug });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body).toMatchObject({ error: { code: 'DEMARCHE_INCOMPLETE' } });
    expect(
      (incomplete.body as { error: { details: { missing: { step: string }[] } } }).error.details.missing.map(
        (manque) => manque.step,
      ),
    ).toEqual(['service', 'cadre_juridique', 'lien_diffusion']);
    await decrirePourPublication(tokens.administrateur, state.demarcheId);

    const published = await admin('POST', `/demarches/${state.demarcheId}/publier`, { slug });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ state: 'publiee', slug, lien: `/commencer/${slug}` });

    const event = await eventually(
      async () =>
        recorder
          .distinct(Topics.procedure, 'DemarchePublished')
          .find((e) => e.payload.demarcheId === state.demarcheId && !e.payload.enTest),
      'the DemarchePublished snapshot on Kafka',
    );
    expect(event.key).toBe(state.demarcheId);
    const payload = event.payload;
    expect(payload).toMatchObject({ slug, title: TITRE, revisionNumber: 1, enTest: false });
    // Every champ type, in order, with the list options and the condition.
    expect(payload.champs.map((champ) => [champ.id, champ.type])).toEqual(
      CHAMPS.map((champ) => [state.champs[champ.label], champTypeFromName(champ.type)]),
    );
    const byLabel = (label: string) => payload.champs.find((champ) => champ.label === label);
    expect(byLabel('Parcelles')?.children.map((child) => [child.id, child.label, child.mandatory])).toEqual(
      PARCELLE.map((child) => [state.champs[child.label], child.label, child.mandatory ?? false]),
    );
    expect(JSON.parse(byLabel('Parcelles')?.children[1].settingsJson ?? '{}')).toEqual({ min: 1 });
    expect(byLabel('Culture')?.options).toEqual(['--Fruits--', 'Pomme', 'Poire', '--Légumes--', 'Carotte']);
    expect(byLabel('Montant déjà reçu')).toMatchObject({
      mandatory: true,
      condition: {
        comparison: {
          champId: state.champs['Déjà subventionné ?'],
          operator: ConditionOperator.EQUALS,
          value: 'true',
        },
      },
    });
    expect(payload.annotations.map((annotation) => annotation.id)).toEqual(state.annotations);
    // Routing to the two groupes.
    expect(payload.routingChampId).toBe(state.champs['Secteur']);
    expect(payload.groupesInstructeurs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: state.groupes.nord,
          label: 'Nord',
          isDefault: true,
          routingValues: ['Nord'],
          instructeurEmails: [demoUsers.instructeur],
        }),
        expect.objectContaining({
          id: state.groupes.sud,
          label: 'Sud',
          routingValues: ['Sud'],
          instructeurEmails: [demoUsers.instructeur],
        }),
      ]),
    );
    // Customised templates and the attestation.
    expect(payload.mailTemplates).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: MailKind.DOSSIER_DEPOSE,
          subject: expect.stringContaining('--Nom du jardin--'),
        }),
        expect.objectContaining({ kind: MailKind.DOSSIER_ACCEPTE }),
      ]),
    );
    expect(payload.attestation).toMatchObject({
      enabled: true,
      title: 'Attestation – jardin « --Nom du jardin-- »',
      qrCode: true,
    });
    expect(payload.service).toMatchObject({ siret: '21690123100011' });

    // The test dossier is deleted by the administration and no longer answers.
    const deleted = await eventually(
      async () => recorder.of('DossierDeleted', (p) => p.dossierId === state.testDossierId)[0],
      'DossierDeleted of the test dossier on Kafka',
    );
    expect(deleted.payload).toMatchObject({
      demarcheId: state.demarcheId,
      reason: DeletionReason.ADMINISTRATION,
    });
    expect((await admin('GET', `/dossiers/${state.testDossierId}`)).status).toBe(404);

    // The public page now serves the published revision.
    const page = await eventually(async () => {
      const response = await api<{ title: string; enTest: boolean }>('GET', `/api/commencer/${slug}`);
      return response.status === 200 ? response.body : undefined;
    }, 'the published démarche at /commencer/<slug>');
    expect(page).toMatchObject({ title: TITRE, enTest: false });
  });

  it('clones the démarche: a new démarche en test with the same form, without instructeurs', async () => {
    const clone = await admin<{
      id: string;
      state: string;
      clonedFrom: string;
      champs: { id: string }[];
      groupesInstructeurs: { instructeurs: string[] }[];
    }>('POST', `/demarches/${state.demarcheId}/cloner`);
    expect(clone.status).toBe(201);
    state.cloneId = clone.body.id;
    expect(clone.body).toMatchObject({ state: 'brouillon', clonedFrom: state.demarcheId });
    expect(clone.body.champs.map((champ) => champ.id)).toEqual(
      CHAMPS.map((champ) => state.champs[champ.label]),
    );
    expect(clone.body.groupesInstructeurs.flatMap((groupe) => groupe.instructeurs)).toEqual([]);
    await eventually(
      async () => recorder.of('DemarcheCreated', (p) => p.demarcheId === state.cloneId)[0],
      'DemarcheCreated of the clone on Kafka',
    );
  });

  it('sends a copy to a colleague, who finds it among her démarches and receives an e-mail', async () => {
    const sent = await admin<{ id: string; destinataire: string }>(
      'POST',
      `/demarches/${state.demarcheId}/envoyer-copie`,
      {
        email: collegue,
      },
    );
    expect(sent.status).toBe(201);
    expect(sent.body.destinataire).toBe(collegue);

    const created = await eventually(
      async () => recorder.of('DemarcheCreated', (p) => p.demarcheId === sent.body.id)[0],
      'DemarcheCreated of the copy on Kafka',
    );
    expect(created.payload).toMatchObject({
      administrateurEmails: [collegue],
      sentByEmail: demoUsers.administrateur,
      clonedFromDemarcheId: state.demarcheId,
    });

    const [mail] = await eventually(async () => {
      const mails = await mailpit.mailsTo(collegue);
      return mails.length > 0 ? mails : undefined;
    }, 'the copy e-mail to the colleague');
    expect(mail.subject).toBe(
      `${demoUsers.administrateur} vous a envoyé une copie de la démarche « ${TITRE} »`,
    );
    expect(mail.text).toContain(`/demarches/${sent.body.id}`);
    expect(mail.text).toContain('démarches en test');
  });

  it('closes the démarche: no new dossier can be started', async () => {
    const closed = await admin('POST', `/demarches/${state.demarcheId}/clore`);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ state: 'close' });
    await eventually(
      async () => recorder.of('DemarcheClosed', (p) => p.demarcheId === state.demarcheId)[0],
      'DemarcheClosed on Kafka',
    );
    const refused = await eventually(async () => {
      const response = await api('POST', `/api/commencer/${slug}/dossiers`, { token: tokens.instructeur });
      return response.status !== 201 ? response : undefined;
    }, 'the closed démarche to refuse new dossiers');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: { code: 'DEMARCHE_CLOSE' } });
  });
});
