// The démarche's files shown to the usagers, against the real infrastructure: S3 (versitygw), FerretDB, Kafka.
import { DemarcheFileKind, Topics } from '@demarches/contracts';
import { type InternalIdentity, signInternalIdentity } from '@demarches/platform-auth';
import { connectKafka } from '@demarches/platform-kafka';
import { createServiceApp } from '@demarches/platform-runtime';
import { ObjectStorage, storageOptionsFromEnv } from '@demarches/platform-storage';
import {
  internalHttpClient,
  KafkaProbe,
  serviceTestEnv,
  TEST_INTERNAL_TOKEN_SECRET,
  testNamespace,
  waitFor,
  type ServiceCaller,
} from '@demarches/testing';
import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppModule } from './app.module';
import { loadFormBuilderConfig } from './config';

const namespace = testNamespace(__filename);
const probe = new KafkaProbe(namespace);
const admin: InternalIdentity = { sub: 'a', email: 'claire@mairie.fr', roles: ['administrateur'] };
const etranger: InternalIdentity = { sub: 'b', email: 'paul@prefecture.fr', roles: ['administrateur'] };
let app: INestApplication;
let baseUrl: string;
let http: ServiceCaller;
let storage: ObjectStorage;

const png = (fill: number) =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(80, fill)]);
const PDF = Buffer.from('%PDF-1.7\n% notice de la démarche\n');

async function publiable(title: string): Promise<string> {
  const { body } = await http(admin, 'POST', '/demarches', { title, description: 'Pour les mares' });
  await http(admin, 'POST', `/demarches/${body.id}/champs`, { type: 'text', label: 'Nom', mandatory: true });
  await http(admin, 'POST', `/demarches/${body.id}/instructeurs`, { email: 'instructeur@mairie.fr' });
  await http(admin, 'PUT', `/demarches/${body.id}/service`, {
    nom: 'Service des espaces verts',
    organisme: 'Mairie de Villeurbanne',
    email: 'espaces-verts@mairie.fr',
    telephone: '04 72 10 30 30',
    horaires: 'du lundi au vendredi, 9 h – 17 h',
    adresse: '1 place Lazare-Goujon, 69100 Villeurbanne',
    siret: '21690123100011',
  });
  await http(admin, 'PATCH', `/demarches/${body.id}`, {
    cadreJuridique: { url: 'https://www.legifrance.gouv.fr/loda/id/LEGITEXT000006070633' },
  });
  return body.id as string;
}

/** Presigned PUT straight to S3, then the confirmation; answers the key of the stored object. */
async function televerser(id: string, kind: string, bytes: Buffer, contentType: string, filename: string) {
  const prepared = await http(admin, 'POST', `/demarches/${id}/fichiers/${kind}/televersement`, {
    contentType,
    size: bytes.length,
  });
  expect(prepared.status).toBe(201);
  const put = await fetch(prepared.body.upload.url, {
    method: 'PUT',
    headers: prepared.body.upload.headers,
    body: bytes,
  });
  expect(put.status).toBe(200);
  const confirmed = await http(admin, 'POST', `/demarches/${id}/fichiers/${kind}/confirmation`, {
    key: prepared.body.key,
    filename,
    contentType,
  });
  expect(confirmed.status).toBe(200);
  return prepared.body.key as string;
}

async function televerserImage(id: string, kind: 'logo' | 'signature', bytes: Buffer) {
  const prepared = await http(admin, 'POST', `/demarches/${id}/attestation/images/${kind}/televersement`, {
    contentType: 'image/png',
    size: bytes.length,
  });
  await fetch(prepared.body.upload.url, {
    method: 'PUT',
    headers: prepared.body.upload.headers,
    body: bytes,
  });
  const confirmed = await http(admin, 'PUT', `/demarches/${id}/attestation/images/${kind}`, {
    key: prepared.body.key,
    contentType: 'image/png',
  });
  expect(confirmed.status).toBe(200);
  return prepared.body.key as string;
}

/** The public route as the gateway calls it: anonymous, or with the signed identity of a signed-in caller. */
function telecharger(id: string, kind: string, identity?: InternalIdentity) {
  return fetch(`${baseUrl}/demarches/${id}/fichiers/${kind}`, {
    redirect: 'manual',
    headers: identity
      ? { 'x-demarches-identity': signInternalIdentity(identity, TEST_INTERNAL_TOKEN_SECRET) }
      : {},
  });
}

/** Follows the 302 to the presigned link and answers the downloaded bytes. */
async function octets(response: Response): Promise<Buffer> {
  expect(response.status).toBe(302);
  expect(response.headers.get('cache-control')).toBe('no-store');
  const location = response.headers.get('location');
  expect(location).toMatch(/^https?:\/\//);
  const download = await fetch(location as string);
  expect(download.status).toBe(200);
  return Buffer.from(await download.arrayBuffer());
}

async function existe(key: string): Promise<boolean> {
  try {
    await storage.head(key);
    return true;
  } catch (error: unknown) {
    if ((error as { kind?: string }).kind === 'not_found') return false;
    throw error;
  }
}

const snapshots = (id: string) =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  probe.of('DemarchePublished', (p) => p.demarcheId === id) as { payload: Record<string, any> }[];

beforeAll(async () => {
  await probe.start([Topics.procedure]);
  const config = loadFormBuilderConfig(serviceTestEnv(namespace, 'form-builder'));
  storage = new ObjectStorage(storageOptionsFromEnv(config));
  app = await createServiceApp({
    module: AppModule.forRoot(config),
    config,
    kafka: { connect: connectKafka },
  });
  await app.listen(0, '127.0.0.1');
  baseUrl = await app.getUrl();
  http = internalHttpClient(baseUrl);
}, 120_000);

afterAll(async () => {
  await app?.close();
  storage?.onApplicationShutdown();
  await probe.stop();
});

describe('the files of a démarche, public once published', () => {
  it('refuses strangers before publication, serves anyone after, and deletes what is replaced or removed', async () => {
    const id = await publiable('Aide aux mares');
    const logo = png(1);
    const premierLogo = await televerser(id, 'logo', logo, 'image/png', 'logo.png');
    const noticeKey = await televerser(id, 'notice', PDF, 'application/pdf', 'notice.pdf');

    // Brouillon, then en test: only its administrateurs get the files.
    for (const step of ['brouillon', 'en test']) {
      if (step === 'en test') expect((await http(admin, 'POST', `/demarches/${id}/tester`)).status).toBe(200);
      for (const stranger of [undefined, etranger]) {
        const refused = await telecharger(id, 'logo', stranger);
        expect(refused.status).toBe(404);
        expect(await refused.json()).toMatchObject({ error: { code: 'DEMARCHE_NOT_FOUND' } });
      }
      expect((await octets(await telecharger(id, 'logo', admin))).equals(logo)).toBe(true);
    }

    const publiee = await http(admin, 'POST', `/demarches/${id}/publier`, {
      slug: `mares-${randomUUID().slice(0, 8)}`,
      lienDiffusion: 'https://www.villeurbanne.fr/mares',
    });
    expect(publiee.body).toMatchObject({ state: 'publiee' });
    const publication = await waitFor(
      () => snapshots(id).find((s) => !s.payload.enTest),
      'published snapshot',
    );
    expect(publication.payload.files).toEqual([
      { kind: DemarcheFileKind.LOGO, fileName: 'logo.png', contentType: 'image/png', size: logo.length },
      {
        kind: DemarcheFileKind.NOTICE,
        fileName: 'notice.pdf',
        contentType: 'application/pdf',
        size: PDF.length,
      },
    ]);
    expect(JSON.stringify(publication.payload.files)).not.toContain(premierLogo);

    // Anyone, signed in or not, downloads the files of the published démarche.
    expect((await octets(await telecharger(id, 'logo'))).equals(logo)).toBe(true);
    expect((await octets(await telecharger(id, 'notice', etranger))).equals(PDF)).toBe(true);
    const absent = await telecharger(id, 'cadre_juridique');
    expect(absent.status).toBe(404);
    expect(await absent.json()).toMatchObject({ error: { code: 'FICHIER_INVALID' } });
    expect((await telecharger(id, 'autre')).status).toBe(404);
    expect((await telecharger('inconnue', 'logo')).status).toBe(404);

    // Replacing the logo deletes the previous object; the same public link serves the new one.
    const nouveauLogo = png(2);
    const secondLogo = await televerser(id, 'logo', nouveauLogo, 'image/png', 'logo-2025.png');
    expect(await existe(premierLogo)).toBe(false);
    expect(await existe(secondLogo)).toBe(true);
    expect((await octets(await telecharger(id, 'logo'))).equals(nouveauLogo)).toBe(true);
    await waitFor(
      () =>
        snapshots(id).find((s) =>
          s.payload.files.some((f: { fileName: string }) => f.fileName === 'logo-2025.png'),
        ),
      'snapshot with the new logo',
    );

    // Removing the notice deletes its object too.
    expect((await http(admin, 'DELETE', `/demarches/${id}/fichiers/notice`)).status).toBe(200);
    expect(await existe(noticeKey)).toBe(false);
    expect((await telecharger(id, 'notice')).status).toBe(404);
  });

  it('deletes a replaced attestation image, and keeps an object a clone still points at', async () => {
    const id = await publiable('Aide aux haies');
    const premiere = await televerserImage(id, 'signature', png(3));
    const seconde = await televerserImage(id, 'signature', png(4));
    expect(await existe(premiere)).toBe(false);
    expect(await existe(seconde)).toBe(true);

    const logo = await televerser(id, 'logo', png(5), 'image/png', 'logo.png');
    const copie = await http(admin, 'POST', `/demarches/${id}/cloner`);
    expect(copie.status).toBe(201);
    expect(copie.body.logo).toMatchObject({ key: logo });
    // The source drops its logo and its signature: the clone still shows them.
    expect((await http(admin, 'DELETE', `/demarches/${id}/fichiers/logo`)).status).toBe(200);
    expect((await http(admin, 'DELETE', `/demarches/${id}/attestation/images/signature`)).status).toBe(200);
    expect(await existe(logo)).toBe(true);
    expect(await existe(seconde)).toBe(true);
    expect((await octets(await telecharger(copie.body.id, 'logo', admin))).equals(png(5))).toBe(true);
    // Once the clone drops them as well, nothing points at them any more.
    expect((await http(admin, 'DELETE', `/demarches/${copie.body.id}/fichiers/logo`)).status).toBe(200);
    expect(
      (await http(admin, 'DELETE', `/demarches/${copie.body.id}/attestation/images/signature`)).status,
    ).toBe(200);
    expect(await existe(logo)).toBe(false);
    expect(await existe(seconde)).toBe(false);
  });
});
