// Seeds the demo démarche through the gateway, as the demo administrateur would, and prints where to go. Run by
// `make up` after every service is ready. Idempotent: a second run only reports the démarche already there; a demo
// démarche seeded by an older version of this script is replaced at the same link (its administrateur may reuse her
// own slug: the older démarche is closed).
const GATEWAY = process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000';
const KEYCLOAK = process.env.KEYCLOAK_URL ?? 'http://127.0.0.1:8180';
const PASSWORD = 'Demarches-Demo-2026!';
export const DEMO_SLUG = 'demo-jardins-partages';
const ADMINISTRATEUR = 'admin@demo.demarches.gouv.fr';
const INSTRUCTEUR = 'instructeur@demo.demarches.gouv.fr';
/** Bumped when the demo démarche changes: an older one at DEMO_SLUG is then replaced. */
const DEMO_MARKER = 'Démo v2';

interface DemarcheView {
  id: string;
  slug: string | null;
  state: string;
  description: string;
  groupesInstructeurs: { id: string; label: string; isDefault: boolean }[];
}

async function token(username: string): Promise<string> {
  const response = await fetch(`${KEYCLOAK}/realms/demarches/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'demarches-cli',
      username,
      password: PASSWORD,
    }),
  });
  if (!response.ok)
    throw new Error(`sign-in of ${username} failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

async function call<T>(bearer: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${GATEWAY}/api${path}`, {
    method,
    headers: { authorization: `Bearer ${bearer}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
  return (text ? JSON.parse(text) : {}) as T;
}

/** The next 31 December at least six months ahead: a date limite de dépôt that is always in the future. */
function dateLimite(now = new Date()): string {
  const year = now.getUTCMonth() >= 6 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
  return `${year}-12-31T00:00:00+01:00`;
}

async function seed(admin: string): Promise<{ id: string }> {
  const demarche = await call<DemarcheView>(admin, 'POST', '/demarches', {
    title: 'Subvention pour un jardin partagé',
    description: 'Demandez une subvention pour créer ou agrandir un jardin partagé.',
  });
  const base = `/demarches/${demarche.id}`;

  // The description the reference requires before a publication.
  await call(admin, 'PATCH', base, {
    description:
      '<p>La Ville soutient les <strong>jardins partagés</strong> de quartier : création de parcelles, ' +
      `récupérateurs d’eau, outils. <em>Démarche de démonstration (${DEMO_MARKER}).</em></p>`,
    publicCible: 'particulier',
    dureeConservationMois: 12,
    dateLimiteDepot: dateLimite(),
    lienDiffusion: 'https://www.exemple.fr/jardins-partages',
    cadreJuridique: {
      texte: 'Délibération du conseil municipal nº 2026-042 du 3 mars 2026 relative aux jardins partagés',
      url: 'https://www.legifrance.gouv.fr/',
    },
  });
  await call(admin, 'PUT', `${base}/service`, {
    nom: 'Service des espaces verts',
    organisme: 'Ville de Lyon (démo)',
    email: 'espaces-verts@exemple.fr',
    telephone: '04 72 10 30 30',
    horaires: 'du lundi au vendredi, de 9 h à 17 h',
    adresse: '1 place de la Comédie, 69001 Lyon',
    siret: '21690123100011',
  });

  // The form: the routing list first (the seed's routing rule), then several champ types and a condition.
  const champ = (body: Record<string, unknown>) =>
    call<{ id: string }>(admin, 'POST', `${base}/champs`, { description: '', mandatory: false, ...body });
  const secteur = await champ({
    type: 'drop_down_list',
    label: 'Secteur du jardin',
    description: 'Votre dossier est confié aux instructeurs de ce secteur',
    mandatory: true,
    options: ['Nord', 'Sud'],
  });
  await champ({ type: 'header_section', label: 'Le jardin' });
  await champ({
    type: 'text',
    label: 'Nom du jardin',
    description: 'Tel qu’il figure sur le panneau',
    mandatory: true,
  });
  await champ({ type: 'textarea', label: 'Description du projet', mandatory: true });
  await champ({ type: 'integer_number', label: 'Nombre de membres' });
  await champ({ type: 'date', label: 'Date de création du jardin' });
  const dejaAide = await champ({
    type: 'yes_no',
    label: 'Le jardin a-t-il déjà reçu une subvention ?',
    mandatory: true,
  });
  const montant = await champ({
    type: 'decimal_number',
    label: 'Montant déjà reçu (€)',
    mandatory: true,
  });
  await call(admin, 'PUT', `${base}/champs/${montant.id}/condition`, {
    condition: { champId: dejaAide.id, operator: 'equals', value: 'true' },
  });
  await champ({
    type: 'multiple_drop_down_list',
    label: 'Équipements demandés',
    options: ['--Eau--', 'Récupérateur d’eau de pluie', 'Goutte-à-goutte', '--Outils--', 'Outillage', 'Abri'],
  });
  await champ({ type: 'header_section', label: 'Contact' });
  await champ({ type: 'email', label: 'E-mail de contact' });
  await champ({ type: 'phone', label: 'Téléphone de contact' });
  await champ({ type: 'piece_justificative', label: 'Plan du jardin' });
  await champ({
    type: 'checkbox',
    label: 'Je certifie sur l’honneur l’exactitude des informations fournies',
    mandatory: true,
  });

  // Annotations privées, for the instructeurs only.
  for (const annotation of [
    { type: 'yes_no', label: 'Visite sur place effectuée' },
    { type: 'textarea', label: 'Avis du service des espaces verts' },
  ]) {
    await call(admin, 'POST', `${base}/annotations`, { description: '', mandatory: false, ...annotation });
  }

  // Two groupes instructeurs, routed by the « Secteur du jardin » list.
  const defaut = demarche.groupesInstructeurs.find((groupe) => groupe.isDefault);
  if (!defaut) throw new Error('the new démarche has no default groupe instructeur');
  await call(admin, 'PATCH', `${base}/groupes/${defaut.id}`, { label: 'Secteur Nord' });
  const sud = await call<{ id: string }>(admin, 'POST', `${base}/groupes`, { label: 'Secteur Sud' });
  for (const groupeId of [defaut.id, sud.id]) {
    await call(admin, 'POST', `${base}/groupes/${groupeId}/instructeurs`, { email: INSTRUCTEUR });
  }
  await call(admin, 'PUT', `${base}/routage`, {
    mode: 'champ',
    champId: secteur.id,
    correspondances: [
      { groupeId: defaut.id, valeurs: ['Nord'] },
      { groupeId: sud.id, valeurs: ['Sud'] },
    ],
  });

  // Customised e-mails with the démarche's own balises, and an attestation sent with the acceptance.
  await call(admin, 'PUT', `${base}/mails/dossier_depose`, {
    subject: 'Dossier nº --numéro du dossier-- reçu : « --Nom du jardin-- »',
    body:
      'Bonjour,\n\nNous avons bien reçu le --date de dépôt-- votre demande de subvention pour le jardin ' +
      '« --Nom du jardin-- » (secteur --Secteur du jardin--).\n\nSuivre votre dossier : --lien dossier--\n\n' +
      'Le service des espaces verts',
  });
  await call(admin, 'PUT', `${base}/mails/dossier_accepte`, {
    subject: 'Bonne nouvelle : la subvention du jardin « --Nom du jardin-- » est accordée',
    body:
      'Bonjour,\n\nVotre dossier nº --numéro du dossier-- a été accepté le --date de décision--.\n\n' +
      'Motivation : --motivation--\n\nVotre attestation : --lien attestation--\n\nLe service des espaces verts',
  });
  await call(admin, 'PUT', `${base}/attestation`, {
    enabled: true,
    title: 'Attestation de subvention – jardin « --Nom du jardin-- »',
    body:
      'La Ville de Lyon atteste que le dossier nº --numéro du dossier-- déposé le --date de dépôt-- pour le ' +
      'jardin partagé « --Nom du jardin-- » a été accepté le --date de décision--.\n\n' +
      'Fait pour servir et valoir ce que de droit.',
    footer: 'Service des espaces verts – 1 place de la Comédie, 69001 Lyon',
    qrCode: true,
  });

  await call(admin, 'POST', `${base}/publier`, { slug: DEMO_SLUG });
  return demarche;
}

async function main(): Promise<void> {
  const admin = await token(ADMINISTRATEUR);
  const mine = await call<{ demarches: DemarcheView[] }>(admin, 'GET', '/demarches');
  const existing = mine.demarches.find(
    (demarche) => demarche.slug === DEMO_SLUG && demarche.state === 'publiee',
  );
  let id: string;
  if (existing && existing.description.includes(DEMO_MARKER)) {
    console.log(`✓ demo démarche already published at /commencer/${DEMO_SLUG}`);
    id = existing.id;
  } else {
    id = (await seed(admin)).id;
    console.log(
      `✓ demo démarche published at /commencer/${DEMO_SLUG}${existing ? ' (replacing the older demo)' : ''}`,
    );
  }
  console.log(
    [
      `  usagers:         GET  ${GATEWAY}/api/commencer/${DEMO_SLUG}   (public), then POST …/dossiers`,
      `  administrateur:  ${ADMINISTRATEUR} → GET ${GATEWAY}/api/demarches/${id}`,
      `  instructeur:     ${INSTRUCTEUR} (groupes Secteur Nord and Secteur Sud) → GET ${GATEWAY}/api/instructeur/dossiers`,
      `  e-mails:         http://127.0.0.1:8025 (Mailpit)   ·   walkthrough: README.md « Walk through the demo »`,
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(`✗ seeding failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
