// The thin flow through every service (issue #2, item 6), against the running platform: real Keycloak tokens,
// real Kafka, FerretDB, Redis, S3 and SMTP. Each step asserts what the user sees and what other systems receive.
import { DossierState, EventCatalog, type TopicName, Topics } from '@demarches/contracts';
import { KafkaProbe, Mailpit } from '@demarches/testing';
import { decrirePourPublication, renseignerIdentite } from './support/demarche';
import { api, demoUsers, eventually, signIn } from './support/platform';

jest.setTimeout(180_000);

// The running platform uses unprefixed topics; tests pick their own events out by the ids they created.
const recorder = new KafkaProbe('');
const mailpit = new Mailpit(process.env.E2E_MAIL_API_URL);
const slug = `aide-jardins-partages-${Date.now().toString(36)}`;
const tokens = { administrateur: '', instructeur: '', usager: '', autreUsager: '' };
const state = { demarcheId: '', champId: '', dossierId: '', dossierNumber: 0 };

beforeAll(async () => {
  await recorder.start(Object.keys(EventCatalog) as TopicName[]);
  tokens.administrateur = await signIn(demoUsers.administrateur);
  tokens.instructeur = await signIn(demoUsers.instructeur);
  tokens.usager = await signIn(demoUsers.usager);
  tokens.autreUsager = await signIn(demoUsers.autreUsager);
});

afterAll(async () => {
  await recorder.stop();
});

describe('a démarche from publication to decision', () => {
  it('refuses anonymous and forged callers at the gateway', async () => {
    expect((await api('GET', '/api/demarches')).status).toBe(401);
    const forged = await api('GET', '/api/demarches', { token: `${tokens.administrateur.slice(0, -4)}AAAA` });
    expect(forged.status).toBe(401);
    expect(forged.body).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('lets an administrateur build, describe and publish a démarche with one mandatory text champ', async () => {
    const created = await api<{ id: string; state: string }>('POST', '/api/demarches', {
      token: tokens.administrateur,
      body: {
        title: 'Aide aux jardins partagés',
        description: 'Subvention pour les jardins partagés de quartier.',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.state).toBe('brouillon');
    state.demarcheId = created.body.id;

    const champ = await api<{ id: string }>('POST', `/api/demarches/${state.demarcheId}/champs`, {
      token: tokens.administrateur,
      body: {
        type: 'text',
        label: 'Nom du jardin',
        description: 'Tel qu’il figure sur le panneau',
        mandatory: true,
      },
    });
    expect(champ.status).toBe(201);
    state.champId = champ.body.id;

    const instructeur = await api('POST', `/api/demarches/${state.demarcheId}/instructeurs`, {
      token: tokens.administrateur,
      body: { email: demoUsers.instructeur },
    });
    expect(instructeur.status).toBe(201);

    // The refusal lists every step still missing, in one error.
    const incomplete = await api('POST', `/api/demarches/${state.demarcheId}/publier`, {
      token: tokens.administrateur,
      body: { slug },
    });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body).toMatchObject({
      error: {
        code: 'DEMARCHE_INCOMPLETE',
        details: {
          missing: [
            expect.objectContaining({ step: 'service' }),
            expect.objectContaining({ step: 'cadre_juridique' }),
            expect.objectContaining({ step: 'lien_diffusion' }),
          ],
        },
      },
    });
    await decrirePourPublication(tokens.administrateur, state.demarcheId);

    const published = await api('POST', `/api/demarches/${state.demarcheId}/publier`, {
      token: tokens.administrateur,
      body: { slug },
    });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ state: 'publiee', slug, lien: `/commencer/${slug}` });

    const event = await eventually(
      async () => recorder.of('DemarchePublished', (p) => p.demarcheId === state.demarcheId)[0],
      'DemarchePublished on Kafka',
    );
    expect(event.topic).toBe(Topics.procedure);
    expect(event.key).toBe(state.demarcheId);
    expect(event.payload).toMatchObject({
      slug,
      champs: [expect.objectContaining({ id: state.champId, mandatory: true })],
    });
  });

  it('hides the démarche from another administrateur’s eyes', async () => {
    // The instructeur holds no administrateur role: the answer is the same as for a démarche that does not exist.
    const response = await api('GET', `/api/demarches/${state.demarcheId}`, { token: tokens.instructeur });
    expect([403, 404]).toContain(response.status);
  });

  it('lets an usager open /commencer/<slug>, give her identity, fill and deposit a dossier', async () => {
    const commencer = await eventually(async () => {
      const response = await api<{ title: string; champs: { id: string }[] }>(
        'GET',
        `/api/commencer/${slug}`,
      );
      return response.status === 200 ? response : undefined;
    }, 'the published démarche at /commencer/<slug>');
    expect(commencer.body.title).toBe('Aide aux jardins partagés');
    expect(commencer.body.champs.map((champ) => champ.id)).toEqual([state.champId]);

    const created = await api<{ id: string; number: number; state: string }>(
      'POST',
      `/api/commencer/${slug}/dossiers`,
      {
        token: tokens.usager,
      },
    );
    expect(created.status).toBe(201);
    expect(created.body.state).toBe('brouillon');
    state.dossierId = created.body.id;
    state.dossierNumber = created.body.number;

    // The identity step (particulier: civilité, nom, prénom) comes before the dépôt.
    const sansIdentite = await api('POST', `/api/dossiers/${state.dossierId}/deposer`, {
      token: tokens.usager,
    });
    expect(sansIdentite.status).toBe(400);
    expect(sansIdentite.body).toMatchObject({ error: { code: 'IDENTITE_A_CONFIRMER' } });
    await renseignerIdentite(tokens.usager, state.dossierId);

    const refused = await api('POST', `/api/dossiers/${state.dossierId}/deposer`, { token: tokens.usager });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      error: {
        code: 'DOSSIER_INCOMPLETE',
        message: expect.stringContaining('« Nom du jardin » doit être rempli'),
      },
    });

    const saved = await api('PATCH', `/api/dossiers/${state.dossierId}/champs`, {
      token: tokens.usager,
      body: { values: { [state.champId]: 'Le jardin des Lilas' } },
    });
    expect(saved.status).toBe(200);

    const othersView = await api('GET', `/api/dossiers/${state.dossierId}`, { token: tokens.autreUsager });
    expect(othersView.status).toBe(404);

    const deposited = await api('POST', `/api/dossiers/${state.dossierId}/deposer`, { token: tokens.usager });
    expect(deposited.status).toBe(200);
    expect(deposited.body).toMatchObject({ state: 'en_construction' });

    const event = await eventually(
      async () => recorder.of('DossierDeposited', (p) => p.dossierId === state.dossierId)[0],
      'DossierDeposited on Kafka',
    );
    expect(event.topic).toBe(Topics.dossier);
    expect(event.key).toBe(state.dossierId);
    expect(event.payload).toMatchObject({
      usagerEmail: demoUsers.usager,
      demarcheId: state.demarcheId,
      champs: [expect.objectContaining({ champId: state.champId, value: 'Le jardin des Lilas' })],
    });
  });

  it('lists the deposited dossier « à suivre » for the démarche’s instructeur only', async () => {
    const listed = await eventually(async () => {
      const response = await api<{ dossiers: { dossierId: string; state: string }[] }>(
        'GET',
        '/api/instructeur/dossiers?onglet=a-suivre',
        { token: tokens.instructeur },
      );
      return response.body.dossiers?.find((dossier) => dossier.dossierId === state.dossierId);
    }, 'the dossier in the instructeur’s « à suivre » tab');
    expect(listed.state).toBe('en_construction');
  });

  it('accepts an usager message while the dossier is open', async () => {
    const sent = await api('POST', `/api/dossiers/${state.dossierId}/messages`, {
      token: tokens.usager,
      body: { body: 'Bonjour, je joins bientôt le plan du jardin.' },
    });
    expect(sent.status).toBe(201);
    await eventually(
      async () => recorder.of('MessageSent', (p) => p.dossierId === state.dossierId)[0],
      'MessageSent on Kafka',
    );
  });

  it('lets the instructeur pass the dossier en instruction, then accept it', async () => {
    const enInstruction = await api(
      'POST',
      `/api/instructeur/dossiers/${state.dossierId}/passer-en-instruction`,
      {
        token: tokens.instructeur,
      },
    );
    expect(enInstruction.status).toBe(200);
    expect(enInstruction.body).toMatchObject({ state: 'en_instruction' });

    const editAfterLock = await api('PATCH', `/api/dossiers/${state.dossierId}/champs`, {
      token: tokens.usager,
      body: { values: { [state.champId]: 'Trop tard' } },
    });
    expect(editAfterLock.status).toBe(409);
    expect(editAfterLock.body).toMatchObject({ error: { code: 'DOSSIER_NOT_EDITABLE' } });

    const accepted = await api('POST', `/api/instructeur/dossiers/${state.dossierId}/accepter`, {
      token: tokens.instructeur,
      body: { motivation: 'Dossier complet, projet conforme au règlement.' },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ state: 'accepte' });

    const usagerView = await api<{ state: string; history: { action: string }[] }>(
      'GET',
      `/api/dossiers/${state.dossierId}`,
      {
        token: tokens.usager,
      },
    );
    expect(usagerView.body.state).toBe('accepte');
    expect(usagerView.body.history.map((entry) => entry.action)).toEqual([
      'creer',
      'renseigner_identite',
      'deposer',
      'passer_en_instruction',
      'accepter',
    ]);

    const changes = await eventually(async () => {
      const found = recorder.of('DossierStateChanged', (p) => p.dossierId === state.dossierId);
      return found.length >= 2 ? found : undefined;
    }, 'two DossierStateChanged events');
    expect(changes.map((event) => [event.payload.from, event.payload.to])).toEqual([
      [DossierState.EN_CONSTRUCTION, DossierState.EN_INSTRUCTION],
      [DossierState.EN_INSTRUCTION, DossierState.ACCEPTE],
    ]);
    expect(changes[1].payload).toMatchObject({
      instructeurEmail: demoUsers.instructeur,
      motivation: 'Dossier complet, projet conforme au règlement.',
    });
  });

  it('sends the usager the accusé de réception, the passage en instruction and the acceptance over real SMTP', async () => {
    // Each e-mail links to the dossier, which tells this run's e-mails from earlier ones in the capture.
    const mails = await eventually(async () => {
      const received = (await mailpit.mailsTo(demoUsers.usager)).filter((mail) =>
        mail.text.includes(state.dossierId),
      );
      return received.length >= 3 ? received : undefined;
    }, 'three e-mails to the usager for this dossier');
    const titre = 'Aide aux jardins partagés';
    expect(mails.map((mail) => mail.subject).sort()).toEqual(
      [
        `Votre dossier nº ${state.dossierNumber} a bien été déposé (${titre})`,
        `Votre dossier nº ${state.dossierNumber} est en cours d'instruction (${titre})`,
        `Votre dossier nº ${state.dossierNumber} a été accepté (${titre})`,
      ].sort(),
    );
    for (const mail of mails) expect(mail.to).toEqual([demoUsers.usager]);
    const acceptance = mails.find((mail) => mail.subject.includes('accepté'))!;
    expect(acceptance.text).toContain(titre);
    expect(acceptance.text).toContain('Dossier complet, projet conforme au règlement.');
  });

  it('refuses an usager message once the decision is taken', async () => {
    const refused = await eventually(async () => {
      const response = await api('POST', `/api/dossiers/${state.dossierId}/messages`, {
        token: tokens.usager,
        body: { body: 'Merci beaucoup !' },
      });
      return response.status !== 201 ? response : undefined;
    }, 'the messagerie to close after the decision');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: { code: 'MESSAGERIE_FERMEE' } });
  });

  it('exports the démarche’s dossiers as a CSV that contains the dossier', async () => {
    const csv = await eventually(
      async () => {
        const created = await api<{ id: string }>('POST', '/api/exports', {
          token: tokens.instructeur,
          body: { demarcheId: state.demarcheId, format: 'csv' },
        });
        if (created.status !== 201 && created.status !== 202)
          throw new Error(`export refused: ${created.status} ${JSON.stringify(created.body)}`);
        const done = await eventually(async () => {
          const job = await api<{ status: string; downloadUrl?: string }>(
            'GET',
            `/api/exports/${created.body.id}`,
            {
              token: tokens.instructeur,
            },
          );
          return job.body.downloadUrl ? job.body : undefined;
        }, 'the export to complete');
        const text = await (await fetch(done.downloadUrl!)).text();
        // The export projection follows the dossier events: retry until it holds the accepted dossier.
        return text.includes('Le jardin des Lilas') && text.includes('Accepté') ? text : undefined;
      },
      'a CSV export containing the dossier',
      60_000,
    );
    expect(csv).toContain(String(state.dossierNumber));
    expect(csv).toContain('Nom du jardin');
    // The relay publishes ExportCompleted shortly after the job is marked done.
    await eventually(
      async () => recorder.of('ExportCompleted', (p) => p.demarcheId === state.demarcheId)[0],
      'ExportCompleted on Kafka',
    );
  });

  it('answers commune lookups by name and postal code from official reference data', async () => {
    const byPostalCode = await api<{ communes: { nom: string; codeInsee: string }[] }>(
      'GET',
      '/api/geo/communes?q=69001',
    );
    expect(byPostalCode.status).toBe(200);
    expect(byPostalCode.body.communes[0]).toMatchObject({ nom: 'Lyon', codeInsee: '69123' });
    const byName = await api<{ communes: { nom: string; codeInsee: string }[] }>(
      'GET',
      '/api/geo/communes?q=saint%20etienne',
    );
    expect(byName.body.communes[0]).toMatchObject({ nom: 'Saint-Étienne', codeInsee: '42218' });
  });
});
