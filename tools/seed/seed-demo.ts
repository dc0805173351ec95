// Seeds the demo démarche through the gateway, as the demo administrateur would (idempotent: a second run only
// reports the démarche that is already there). Run by `make up` after every service is ready.
const GATEWAY = process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000';
const KEYCLOAK = process.env.KEYCLOAK_URL ?? 'http://127.0.0.1:8180';
const PASSWORD = 'Demarches-Demo-2026!';
export const DEMO_SLUG = 'demo-jardins-partages';

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
  return JSON.parse(text) as T;
}

async function main(): Promise<void> {
  const admin = await token('admin@demo.demarches.gouv.fr');
  const mine = await call<{ demarches: { id: string; slug: string | null }[] }>(admin, 'GET', '/demarches');
  if (mine.demarches.some((demarche) => demarche.slug === DEMO_SLUG)) {
    console.log(`✓ demo démarche already published at /commencer/${DEMO_SLUG}`);
    return;
  }
  const demarche = await call<{ id: string }>(admin, 'POST', '/demarches', {
    title: 'Subvention pour un jardin partagé (démo)',
    description:
      'Démarche de démonstration : demandez une subvention pour créer ou agrandir un jardin partagé.',
  });
  const champs = [
    { type: 'text', label: 'Nom du jardin', description: 'Tel qu’il figure sur le panneau', mandatory: true },
    { type: 'textarea', label: 'Description du projet', description: '', mandatory: false },
    { type: 'email', label: 'E-mail de contact', description: '', mandatory: false },
    { type: 'integer_number', label: 'Nombre de membres', description: '', mandatory: false },
  ];
  for (const champ of champs) await call(admin, 'POST', `/demarches/${demarche.id}/champs`, champ);
  await call(admin, 'POST', `/demarches/${demarche.id}/instructeurs`, {
    email: 'instructeur@demo.demarches.gouv.fr',
  });
  await call(admin, 'POST', `/demarches/${demarche.id}/publier`, { slug: DEMO_SLUG });
  console.log(`✓ demo démarche published at /commencer/${DEMO_SLUG}`);
}

main().catch((error: unknown) => {
  console.error(`✗ seeding failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
