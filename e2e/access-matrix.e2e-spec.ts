// Access matrix (issue #3 item 6): every kind of caller against every kind of resource, through the gateway, on the
// running platform. Table-driven: a new resource is one row in RESOURCES, a new caller one entry in ACTORS.
// The test asserts ZERO unauthorised successes (a 2xx for a caller not in `allowed`) and that allowed callers do get
// through, then prints the matrix.
import mongoose from 'mongoose';
import { decrirePourPublication, renseignerIdentite } from './support/demarche';
import { api, DEMO_PASSWORD, demoUsers, eventually, signIn } from './support/platform';

jest.setTimeout(300_000);

type Actor =
  | 'anonyme'
  | 'usager'
  | 'invite'
  | 'instructeur'
  | 'autreInstructeur'
  | 'expert'
  | 'administrateur'
  | 'autreAdministrateur'
  | 'jetonLecture'
  | 'jetonEcriture'
  | 'jetonExpire';

const ACTORS: readonly Actor[] = [
  'anonyme',
  'usager',
  'invite',
  'instructeur',
  'autreInstructeur',
  'expert',
  'administrateur',
  'autreAdministrateur',
  'jetonLecture',
  'jetonEcriture',
  'jetonExpire',
];

/** Optional demo accounts (seeded by the realm when present); a missing one is reported, never silently passed. */
const OPTIONAL_ACCOUNTS: Partial<Record<Actor, string>> = {
  invite: process.env.E2E_INVITE_EMAIL ?? 'invite@demo.demarches.fr',
  autreInstructeur: process.env.E2E_AUTRE_INSTRUCTEUR_EMAIL ?? 'instructeur2@demo.demarches.gouv.fr',
  expert: process.env.E2E_EXPERT_EMAIL ?? 'expert@demo.demarches.gouv.fr',
  autreAdministrateur: process.env.E2E_AUTRE_ADMIN_EMAIL ?? 'admin2@demo.demarches.gouv.fr',
};

interface Fixture {
  demarcheId: string;
  slug: string;
  champId: string;
  /** Deposited (en construction): read, messages, instruction. */
  depose: string;
  /** Brouillon: edit and deposit. */
  brouillon: string;
  exportId: string;
}

interface Resource {
  name: string;
  method: string;
  path: (f: Fixture) => string;
  body?: (f: Fixture) => unknown;
  allowed: readonly Actor[];
  /**
   * Lists: the fixture object a caller outside `allowed` must not find in the answer. A list answers 200 to anyone
   * with the role (her own, possibly empty, list): the hole would be seeing somebody else's object in it. Allowed
   * callers must find it.
   */
  lists?: (f: Fixture) => string;
}

// What exists today. `allowed` is who may succeed; every other caller must get 401/403/404/409 — never 2xx.
// Rows that change state come last and name a single allowed caller, run after every refused one.
const RESOURCES: readonly Resource[] = [
  {
    name: 'démarche: lire (admin)',
    method: 'GET',
    path: (f) => `/api/demarches/${f.demarcheId}`,
    allowed: ['administrateur', 'jetonLecture', 'jetonEcriture'],
  },
  {
    name: 'démarches: lister (admin)',
    method: 'GET',
    path: () => '/api/demarches',
    allowed: ['administrateur', 'autreAdministrateur', 'jetonLecture', 'jetonEcriture'],
  },
  {
    name: 'démarche: ajouter un champ',
    method: 'POST',
    path: (f) => `/api/demarches/${f.demarcheId}/champs`,
    body: () => ({ type: 'text', label: 'Matrice', mandatory: false }),
    allowed: ['administrateur'],
  },
  {
    name: 'démarche: mails',
    method: 'GET',
    path: (f) => `/api/demarches/${f.demarcheId}/mails`,
    allowed: ['administrateur'],
  },
  {
    name: 'démarche: groupes instructeurs',
    method: 'GET',
    path: (f) => `/api/demarches/${f.demarcheId}/groupes`,
    allowed: ['administrateur'],
  },
  {
    name: 'démarche: routage',
    method: 'GET',
    path: (f) => `/api/demarches/${f.demarcheId}/routage`,
    allowed: ['administrateur'],
  },
  {
    name: 'démarche: attestation',
    method: 'GET',
    path: (f) => `/api/demarches/${f.demarcheId}/attestation`,
    allowed: ['administrateur'],
  },
  {
    name: 'démarche: aperçu de l’attestation',
    method: 'GET',
    path: (f) => `/api/demarches/${f.demarcheId}/attestation/apercu`,
    allowed: ['administrateur'],
  },
  {
    // The instructeur of the dossier's groupe reads a deposited dossier (dossier's domain/lecture.ts); never the
    // instructeur of another groupe.
    name: 'dossier: lire (déposé)',
    method: 'GET',
    path: (f) => `/api/dossiers/${f.depose}`,
    allowed: ['usager', 'invite', 'instructeur'],
  },
  {
    // A brouillon is nobody's business but the usager's and her invités' (never the instructeurs').
    name: 'dossier: lire (brouillon)',
    method: 'GET',
    path: (f) => `/api/dossiers/${f.brouillon}`,
    allowed: ['usager', 'invite'],
  },
  {
    name: 'dossiers: lister les siens',
    method: 'GET',
    path: () => '/api/dossiers',
    lists: (f) => f.depose,
    allowed: ['usager'],
  },
  {
    name: 'dossiers: lister ses invitations',
    method: 'GET',
    path: () => '/api/dossiers/invites',
    lists: (f) => f.depose,
    allowed: ['invite'],
  },
  {
    name: 'dossier: identité (lire)',
    method: 'GET',
    path: (f) => `/api/dossiers/${f.depose}/identite`,
    allowed: ['usager', 'invite'],
  },
  {
    name: 'dossier: identité (renseigner)',
    method: 'PUT',
    path: (f) => `/api/dossiers/${f.brouillon}/identite/particulier`,
    body: () => ({ civilite: 'Mme', nom: 'Matrice', prenom: 'Claire' }),
    // The identity step is the usager's own: an invité edits champs, not her identity (dossier-state.ts).
    allowed: ['usager'],
  },
  {
    name: 'dossier: modifier un brouillon',
    method: 'PATCH',
    path: (f) => `/api/dossiers/${f.brouillon}/champs`,
    body: (f) => ({ values: { [f.champId]: 'Matrice' } }),
    allowed: ['usager', 'invite'],
  },
  {
    name: 'messagerie: lire',
    method: 'GET',
    path: (f) => `/api/dossiers/${f.depose}/messages`,
    allowed: ['usager', 'instructeur'],
  },
  {
    name: 'messagerie: écrire',
    method: 'POST',
    path: (f) => `/api/dossiers/${f.depose}/messages`,
    body: () => ({ body: 'Message de la matrice' }),
    allowed: ['usager', 'instructeur'],
  },
  {
    // The other groupe's instructeur lists her own dossiers: never this one.
    name: 'instruction: lister',
    method: 'GET',
    path: () => '/api/instructeur/dossiers?onglet=tous',
    lists: (f) => f.depose,
    allowed: ['instructeur'],
  },
  {
    name: 'export: demander',
    method: 'POST',
    path: () => '/api/exports',
    body: (f) => ({ demarcheId: f.demarcheId, format: 'csv' }),
    // The other groupe's instructeur may export the démarche: her export holds her groupes' dossiers only.
    allowed: ['administrateur', 'instructeur', 'autreInstructeur', 'jetonLecture', 'jetonEcriture'],
  },
  {
    name: 'export: consulter (celui de l’administrateur)',
    method: 'GET',
    path: (f) => `/api/exports/${f.exportId}`,
    // The administrateur's tokens act as her, on a démarche in their scope.
    allowed: ['administrateur', 'jetonLecture', 'jetonEcriture'],
  },
  {
    name: 'profil: jetons d’API',
    method: 'GET',
    path: () => '/api/me/api-tokens',
    allowed: ['administrateur', 'autreAdministrateur'],
  },
  // State changes, last:
  {
    name: 'démarche: créer un groupe',
    method: 'POST',
    path: (f) => `/api/demarches/${f.demarcheId}/groupes`,
    body: () => ({ label: 'Groupe de la matrice' }),
    allowed: ['administrateur'],
  },
  {
    name: 'démarche: cloner',
    method: 'POST',
    path: (f) => `/api/demarches/${f.demarcheId}/cloner`,
    // A published démarche is in the catalogue every administrateur may clone from (reference rule).
    allowed: ['administrateur', 'autreAdministrateur'],
  },
  {
    name: 'dossier: inviter',
    method: 'POST',
    path: (f) => `/api/dossiers/${f.brouillon}/invites`,
    body: () => ({ email: 'tiers-matrice@exemple.fr' }),
    allowed: ['usager'],
  },
  {
    name: 'dossier: déposer',
    method: 'POST',
    path: (f) => `/api/dossiers/${f.brouillon}/deposer`,
    allowed: ['usager'],
  },
  {
    name: 'instruction: passer en instruction',
    method: 'POST',
    path: (f) => `/api/instructeur/dossiers/${f.depose}/passer-en-instruction`,
    allowed: ['instructeur'],
  },
  {
    name: 'démarche: clore',
    method: 'POST',
    path: (f) => `/api/demarches/${f.demarcheId}/clore`,
    allowed: ['administrateur'],
  },
];

/** Answers that are not an unauthorised success: refusals, or a conflict that reveals nothing. */
const REFUSED = new Set([401, 403, 404]);

/** `api` for every kind of answer: a PDF or a CSV is a success too, its body is kept as text. */
async function call(
  method: string,
  path: string,
  options: { token?: string; body?: unknown },
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${process.env.E2E_GATEWAY_URL ?? 'http://127.0.0.1:3000'}${path}`, {
    method,
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
  });
  const text = await response.text();
  try {
    return { status: response.status, body: text ? JSON.parse(text) : {} };
  } catch {
    return { status: response.status, body: text.slice(0, 200) };
  }
}

const credentials: Partial<Record<Actor, string>> = {};
const missing: Actor[] = [];
const fixture: Fixture = {
  demarcheId: '',
  slug: `matrice-${Date.now().toString(36)}`,
  champId: '',
  depose: '',
  brouillon: '',
  exportId: '',
};
const matrix = new Map<string, Map<Actor, string>>();

async function expectOk<T>(promise: Promise<{ status: number; body: T }>, what: string): Promise<T> {
  const response = await promise;
  if (response.status >= 300) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

beforeAll(async () => {
  credentials.administrateur = await signIn(demoUsers.administrateur);
  credentials.instructeur = await signIn(demoUsers.instructeur);
  credentials.usager = await signIn(demoUsers.usager);
  for (const [actor, email] of Object.entries(OPTIONAL_ACCOUNTS) as [Actor, string][]) {
    try {
      credentials[actor] = await signIn(email, DEMO_PASSWORD);
    } catch {
      missing.push(actor);
    }
  }
  // Without the seeded invité account, the "invité" column is usager2, who was never invited: reported as missing.
  if (!credentials.invite) credentials.invite = await signIn(demoUsers.autreUsager);
  const admin = credentials.administrateur;

  const demarche = await expectOk(
    api<{ id: string }>('POST', '/api/demarches', {
      token: admin,
      body: { title: 'Matrice des accès', description: 'Démarche de test des autorisations.' },
    }),
    'création de la démarche',
  );
  fixture.demarcheId = demarche.id;
  const champ = await expectOk(
    api<{ id: string }>('POST', `/api/demarches/${fixture.demarcheId}/champs`, {
      token: admin,
      body: { type: 'text', label: 'Nom', mandatory: true },
    }),
    'champ',
  );
  fixture.champId = champ.id;
  await expectOk(
    api('POST', `/api/demarches/${fixture.demarcheId}/instructeurs`, {
      token: admin,
      body: { email: demoUsers.instructeur },
    }),
    'instructeur',
  );
  // The other instructeur works on the same démarche, in another groupe (the dossier goes to the default one).
  const groupe = await expectOk(
    api<{ id: string }>('POST', `/api/demarches/${fixture.demarcheId}/groupes`, {
      token: admin,
      body: { label: 'Autre groupe' },
    }),
    'autre groupe',
  );
  if (credentials.autreInstructeur) {
    await expectOk(
      api('POST', `/api/demarches/${fixture.demarcheId}/groupes/${groupe.id}/instructeurs`, {
        token: admin,
        body: { email: OPTIONAL_ACCOUNTS.autreInstructeur },
      }),
      'instructeur de l’autre groupe',
    );
  }
  await decrirePourPublication(admin, fixture.demarcheId);
  await expectOk(
    api('POST', `/api/demarches/${fixture.demarcheId}/publier`, {
      token: admin,
      body: { slug: fixture.slug },
    }),
    'publication',
  );
  await eventually(
    async () => (await api('GET', `/api/commencer/${fixture.slug}`)).status === 200,
    'the published démarche',
  );

  for (const key of ['depose', 'brouillon'] as const) {
    const dossier = await expectOk(
      api<{ id: string }>('POST', `/api/commencer/${fixture.slug}/dossiers`, { token: credentials.usager }),
      'dossier',
    );
    fixture[key] = dossier.id;
    await renseignerIdentite(credentials.usager, dossier.id);
    if (!missing.includes('invite') && OPTIONAL_ACCOUNTS.invite) {
      await expectOk(
        api('POST', `/api/dossiers/${dossier.id}/invites`, {
          token: credentials.usager,
          body: { email: OPTIONAL_ACCOUNTS.invite },
        }),
        'invitation',
      );
    }
    await expectOk(
      api('PATCH', `/api/dossiers/${dossier.id}/champs`, {
        token: credentials.usager,
        body: { values: { [fixture.champId]: 'Jardin' } },
      }),
      'champs',
    );
  }
  await expectOk(
    api('POST', `/api/dossiers/${fixture.depose}/deposer`, { token: credentials.usager }),
    'dépôt',
  );
  await eventually(async () => {
    const listed = await api<{ dossiers?: { dossierId: string }[] }>(
      'GET',
      '/api/instructeur/dossiers?onglet=tous',
      { token: credentials.instructeur },
    );
    return listed.body.dossiers?.some((d) => d.dossierId === fixture.depose);
  }, 'the dossier in instruction');
  const exported = await expectOk(
    api<{ id: string }>('POST', '/api/exports', {
      token: admin,
      body: { demarcheId: fixture.demarcheId, format: 'csv' },
    }),
    'export',
  );
  fixture.exportId = exported.id;

  const lecture = await expectOk(
    api<{ token: string }>('POST', '/api/me/api-tokens', {
      token: admin,
      body: { name: 'matrice lecture', scope: [fixture.demarcheId], access: 'read' },
    }),
    'jeton lecture',
  );
  credentials.jetonLecture = lecture.token;
  const ecriture = await expectOk(
    api<{ token: string }>('POST', '/api/me/api-tokens', {
      token: admin,
      body: { name: 'matrice écriture', scope: 'all', access: 'read_write' },
    }),
    'jeton écriture',
  );
  credentials.jetonEcriture = ecriture.token;
  const expire = await expectOk(
    api<{ token: string; apiToken: { id: string } }>('POST', '/api/me/api-tokens', {
      token: admin,
      body: { name: 'matrice expiré', access: 'read_write' },
    }),
    'jeton expiré',
  );
  // Never used, so no gateway has it cached: expire it in identity's store.
  const db = await mongoose
    .createConnection(process.env.E2E_MONGO_URL ?? 'mongodb://127.0.0.1:27017/', {
      dbName: process.env.E2E_IDENTITY_DB ?? 'demarches_identity',
    })
    .asPromise();
  await db
    .collection('api_tokens')
    .updateOne({ _id: expire.apiToken.id as never }, { $set: { expiresAt: new Date(Date.now() - 60_000) } });
  await db.close();
  credentials.jetonExpire = expire.token;
});

afterAll(() => {
  const width = Math.max(...RESOURCES.map((r) => r.name.length));
  const lines = [`${'ressource'.padEnd(width)} | ${ACTORS.map((a) => a.slice(0, 9).padEnd(9)).join(' | ')}`];
  for (const resource of RESOURCES) {
    const row = matrix.get(resource.name);
    lines.push(
      `${resource.name.padEnd(width)} | ${ACTORS.map((a) => (row?.get(a) ?? '—').padEnd(9)).join(' | ')}`,
    );
  }
  if (missing.length > 0) lines.push(`comptes absents (non couverts) : ${missing.join(', ')}`);
  console.log(
    `Matrice des accès (✓ = autorisé et obtenu, ✗ = refusé comme attendu, ! = succès NON autorisé)\n${lines.join('\n')}`,
  );
});

describe('access matrix through the gateway', () => {
  const unauthorisedSuccesses: string[] = [];

  it.each(RESOURCES.map((r) => [r.name, r] as const))('%s', async (_name, resource) => {
    const row = new Map<Actor, string>();
    matrix.set(resource.name, row);
    // Refused callers first, so a state change by the allowed caller cannot hide a hole.
    const ordered = [...ACTORS].sort(
      (a, b) => Number(resource.allowed.includes(a)) - Number(resource.allowed.includes(b)),
    );
    const failures: string[] = [];
    for (const actor of ordered) {
      if (actor !== 'anonyme' && credentials[actor] === undefined) continue;
      const response = await call(resource.method, resource.path(fixture), {
        ...(actor === 'anonyme' ? {} : { token: credentials[actor] }),
        ...(resource.body ? { body: resource.body(fixture) } : {}),
      });
      const answered = response.status >= 200 && response.status < 300;
      // A list "succeeds" for a caller only when the fixture object is in it.
      const ok =
        answered &&
        (resource.lists === undefined || JSON.stringify(response.body).includes(resource.lists(fixture)));
      if (answered && !ok) {
        row.set(actor, resource.allowed.includes(actor) ? `? ${response.status}∅` : `✗ ${response.status}∅`);
        if (resource.allowed.includes(actor)) failures.push(`${actor} should find it in the list`);
        continue;
      }
      if (resource.allowed.includes(actor)) {
        row.set(actor, ok ? `✓ ${response.status}` : `? ${response.status}`);
        if (!ok)
          failures.push(`${actor} should succeed, got ${response.status} ${JSON.stringify(response.body)}`);
      } else {
        row.set(actor, ok ? `! ${response.status}` : `✗ ${response.status}`);
        if (ok) unauthorisedSuccesses.push(`${resource.name} by ${actor}: ${response.status}`);
        else if (!REFUSED.has(response.status) && response.status !== 409)
          failures.push(`${actor} refused with an unexpected ${response.status}`);
      }
    }
    expect(unauthorisedSuccesses.filter((s) => s.startsWith(resource.name))).toEqual([]);
    expect(failures).toEqual([]);
  });

  it('shows zero unauthorised successes overall', () => {
    expect(unauthorisedSuccesses).toEqual([]);
  });
});
