// Pièces justificatives against the real infrastructure: the dossier service runs as its own process (main.ts), the
// test plays the browser and sends the bytes straight to the local S3 server through the presigned URLs, and the
// service checks size, SHA-256 and the first bytes before attaching. The service's memory is sampled while a
// 200 MB file goes through (docs/benchmarks.md has the measured figures: bench/dossier-pieces-jointes.bench.ts).
import { ChampType, Topics } from '@demarches/contracts';
import type { InternalIdentity } from '@demarches/platform-auth';
import { ObjectStorage, storageOptionsFromEnv } from '@demarches/platform-storage';
import {
  demarchePublished,
  internalHttpClient,
  KafkaProbe,
  type ServiceCaller,
  serviceTestEnv,
  type ServiceProcess,
  startServiceProcess,
  testNamespace,
  waitFor,
} from '@demarches/testing';
import mongoose, { type Connection } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { loadDossierConfig } from './config';
import { TAILLE_MAX } from './pieces-jointes/domain/piece-jointe';
import {
  envoyerCommeUnNavigateur,
  fauxPdf,
  memoireDuProcessus,
  sha256Hex,
} from './pieces-jointes/testing/navigateur';

const namespace = testNamespace(__filename);
const probe = new KafkaProbe(namespace);
const env = serviceTestEnv(namespace, 'dossier');
const storage = new ObjectStorage(storageOptionsFromEnv(loadDossierConfig(env)));
const usager: InternalIdentity = { sub: 'sub-pj-usager', email: 'pj-usager@exemple.fr', roles: ['usager'] };
const intrus: InternalIdentity = { sub: 'sub-pj-intrus', email: 'pj-intrus@exemple.fr', roles: ['usager'] };
const demarcheId = randomUUID();
const slug = `pieces-${randomUUID().slice(0, 8)}`;
const pieceChampId = randomUUID();
const texteChampId = randomUUID();
const modeleKey = `modeles/${demarcheId}/formulaire-cerfa.pdf`;
const modele = Buffer.from('%PDF-1.4\nmodèle à remplir\n');
let service: ServiceProcess;
let http: ServiceCaller;
let dossierId = '';
let db: Connection;

function declaration(body: Buffer, fileName: string, contentType: string) {
  return { champId: pieceChampId, fileName, contentType, size: body.length, sha256: sha256Hex(body) };
}

beforeAll(async () => {
  await probe.start([Topics.procedure, Topics.dossier]);
  await storage.ensureBucket();
  const { MONGO_URL, MONGO_DATABASE } = loadDossierConfig(env);
  db = await mongoose.createConnection(MONGO_URL, { dbName: MONGO_DATABASE }).asPromise();
  await storage.putObject(modeleKey, modele, { contentType: 'application/pdf' });
  service = await startServiceProcess('dossier', env);
  http = internalHttpClient(service.url);
  await probe.publish(
    Topics.procedure,
    'DemarchePublished',
    demarcheId,
    demarchePublished({
      demarcheId,
      slug,
      title: 'Subvention des associations',
      champs: [
        {
          id: pieceChampId,
          type: ChampType.PIECE_JUSTIFICATIVE,
          label: 'Budget prévisionnel',
          description: '',
          mandatory: true,
          options: [],
          children: [],
          settingsJson: '',
          modeleFileKey: modeleKey,
        },
        {
          id: texteChampId,
          type: ChampType.TEXT,
          label: "Nom de l'association",
          description: '',
          mandatory: false,
          options: [],
          children: [],
          settingsJson: '',
        },
      ],
    }),
  );
  const created = await waitFor(async () => {
    const response = await http(usager, 'POST', `/commencer/${slug}/dossiers`);
    return response.status === 201 ? response : undefined;
  }, 'the published démarche');
  dossierId = created.body.id as string;
}, 120_000);

afterAll(async () => {
  const code = await service?.stop();
  await db?.close();
  await probe.stop();
  storage.onApplicationShutdown();
  expect(code).toBe(0);
});

describe('pièces justificatives', () => {
  it('uploads a 200 MB file through presigned multipart URLs, verified and attached without the service holding it', async () => {
    const body = fauxPdf(TAILLE_MAX);
    const pid = service.pid as number;
    const before = memoireDuProcessus(pid);
    let peakRss = before.rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, memoireDuProcessus(pid).rss);
    }, 50);
    try {
      const started = await http(usager, 'POST', `/dossiers/${dossierId}/pieces-jointes`, {
        ...declaration(body, 'Budget prévisionnel 2027.pdf', 'application/pdf'),
      });
      expect(started.status).toBe(201);
      expect(started.body.envoi).toMatchObject({ mode: 'multipart', partSize: 16 * 1024 * 1024 });
      expect(started.body.envoi.parts).toHaveLength(13);
      const parts = await envoyerCommeUnNavigateur(started.body.envoi, body);

      const pieceId = started.body.pieceJointe.id as string;
      const confirmed = await http(
        usager,
        'POST',
        `/dossiers/${dossierId}/pieces-jointes/${pieceId}/confirmer`,
        {
          parts,
        },
      );
      expect(confirmed).toMatchObject({
        status: 200,
        body: { pieceJointe: { statut: 'jointe', size: TAILLE_MAX } },
      });
      const dossier = await http(usager, 'GET', `/dossiers/${dossierId}`);
      expect(dossier.body.champs[pieceChampId]).toEqual({ attachmentIds: [pieceId] });

      // The download link is short-lived, signed, and carries the original file name.
      const link = await http(
        usager,
        'GET',
        `/dossiers/${dossierId}/pieces-jointes/${pieceId}/telechargement`,
      );
      expect(link.status).toBe(200);
      expect(new Date(link.body.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(60_000);
      const head = await fetch(link.body.url as string, { headers: { range: 'bytes=0-8' } });
      expect(Buffer.from(await head.arrayBuffer()).toString('latin1')).toBe('%PDF-1.7\n');
      expect(head.headers.get('content-disposition')).toContain('Budget%20pr%C3%A9visionnel%202027.pdf');
    } finally {
      clearInterval(sampler);
    }
    const after = memoireDuProcessus(pid);
    const growth = Math.max(peakRss, after.peak) - before.rss;
    console.log(
      `dossier service memory while a 200 MB attachment was uploaded and verified: RSS before ${mib(before.rss)}, ` +
        `peak ${mib(Math.max(peakRss, after.peak))} (growth ${mib(growth)}), after ${mib(after.rss)}`,
    );
    // Behaviour, not timing: the file is streamed, never buffered, so the service grows by far less than its size.
    expect(growth).toBeLessThan(TAILLE_MAX / 2);
  }, 300_000);

  it('refuses a file whose bytes do not match its declared type, and deletes it', async () => {
    const pdf = Buffer.from('%PDF-1.7\n% a PDF renamed as an image\n');
    const started = await http(usager, 'POST', `/dossiers/${dossierId}/pieces-jointes`, {
      ...declaration(pdf, 'photo.png', 'image/png'),
    });
    expect(started.status).toBe(201);
    expect(started.body.envoi.mode).toBe('simple');
    await envoyerCommeUnNavigateur(started.body.envoi, pdf);
    const pieceId = started.body.pieceJointe.id as string;

    const confirmed = await http(
      usager,
      'POST',
      `/dossiers/${dossierId}/pieces-jointes/${pieceId}/confirmer`,
      {},
    );
    expect(confirmed).toMatchObject({
      status: 400,
      body: { error: { code: 'PIECE_JOINTE_CONTENT_MISMATCH' } },
    });
    expect(confirmed.body.error.message).toContain('photo.png');
    const dossier = await http(usager, 'GET', `/dossiers/${dossierId}`);
    expect(dossier.body.champs[pieceChampId].attachmentIds).not.toContain(pieceId);
    const keys = await http(usager, 'GET', `/dossiers/${dossierId}/pieces-jointes/${pieceId}/telechargement`);
    expect(keys.status).toBe(404);
  });

  it('refuses before any upload a file too large, of a format not accepted, or typed against its extension', async () => {
    const tooLarge = await http(usager, 'POST', `/dossiers/${dossierId}/pieces-jointes`, {
      champId: pieceChampId,
      fileName: 'video.pdf',
      contentType: 'application/pdf',
      size: TAILLE_MAX + 1,
      sha256: 'a'.repeat(64),
    });
    expect(tooLarge).toMatchObject({ status: 400, body: { error: { code: 'PIECE_JOINTE_TOO_LARGE' } } });
    const exe = Buffer.from('MZ\x90\x00');
    expect(
      await http(usager, 'POST', `/dossiers/${dossierId}/pieces-jointes`, {
        ...declaration(exe, 'installeur.exe', 'application/octet-stream'),
      }),
    ).toMatchObject({ status: 400, body: { error: { code: 'PIECE_JOINTE_FORMAT_REFUSED' } } });
    expect(
      await http(usager, 'POST', `/dossiers/${dossierId}/pieces-jointes`, {
        ...declaration(exe, 'lettre.pdf', 'image/jpeg'),
      }),
    ).toMatchObject({ status: 400, body: { error: { code: 'PIECE_JOINTE_FORMAT_REFUSED' } } });
    expect(
      await http(usager, 'POST', `/dossiers/${dossierId}/pieces-jointes`, {
        ...declaration(exe, 'lettre.pdf', 'application/pdf'),
        champId: texteChampId,
      }),
    ).toMatchObject({ status: 400, body: { error: { code: 'CHAMP_NOT_PIECE_JUSTIFICATIVE' } } });
  });

  it('lets S3 refuse bytes other than the declared ones, so a confirmation finds nothing to attach', async () => {
    const declared = Buffer.from('%PDF-1.7\ndeclared');
    const started = await http(usager, 'POST', `/dossiers/${dossierId}/pieces-jointes`, {
      ...declaration(declared, 'attestation.pdf', 'application/pdf'),
    });
    await expect(
      envoyerCommeUnNavigateur(started.body.envoi, Buffer.from('%PDF-1.7\ntampered')),
    ).rejects.toThrow(/S3 refused/);
    const confirmed = await http(
      usager,
      'POST',
      `/dossiers/${dossierId}/pieces-jointes/${started.body.pieceJointe.id}/confirmer`,
      {},
    );
    expect(confirmed).toMatchObject({
      status: 400,
      body: { error: { code: 'PIECE_JOINTE_UPLOAD_INCOMPLETE' } },
    });
  });

  it('detaches a file on request and answers for a dossier of someone else as for one that does not exist', async () => {
    const small = Buffer.from('%PDF-1.7\nà retirer');
    const started = await http(usager, 'POST', `/dossiers/${dossierId}/pieces-jointes`, {
      ...declaration(small, 'a-retirer.pdf', 'application/pdf'),
    });
    await envoyerCommeUnNavigateur(started.body.envoi, small);
    const pieceId = started.body.pieceJointe.id as string;
    expect(
      (await http(usager, 'POST', `/dossiers/${dossierId}/pieces-jointes/${pieceId}/confirmer`, {})).status,
    ).toBe(200);

    expect(
      (await http(intrus, 'GET', `/dossiers/${dossierId}/pieces-jointes/${pieceId}/telechargement`)).status,
    ).toBe(404);
    expect(
      (
        await http(
          intrus,
          'POST',
          `/dossiers/${dossierId}/pieces-jointes`,
          declaration(small, 'x.pdf', 'application/pdf'),
        )
      ).status,
    ).toBe(404);

    expect((await http(usager, 'DELETE', `/dossiers/${dossierId}/pieces-jointes/${pieceId}`)).status).toBe(
      200,
    );
    const listed = await http(usager, 'GET', `/dossiers/${dossierId}/pieces-jointes`);
    expect(listed.body.piecesJointes.map((p: { id: string }) => p.id)).not.toContain(pieceId);
    const dossier = await http(usager, 'GET', `/dossiers/${dossierId}`);
    expect(dossier.body.champs[pieceChampId].attachmentIds).not.toContain(pieceId);
  });

  it('detaches a file left out of the champ value saved through PATCH /champs, after the save only', async () => {
    const envoyer = async (nom: string) => {
      const bytes = Buffer.from(`%PDF-1.7\n${nom}`);
      const started = await http(usager, 'POST', `/dossiers/${dossierId}/pieces-jointes`, {
        ...declaration(bytes, `${nom}.pdf`, 'application/pdf'),
      });
      await envoyerCommeUnNavigateur(started.body.envoi, bytes);
      const id = started.body.pieceJointe.id as string;
      expect(
        (await http(usager, 'POST', `/dossiers/${dossierId}/pieces-jointes/${id}/confirmer`, {})).status,
      ).toBe(200);
      return id;
    };
    const gardee = await envoyer('gardee');
    const retiree = await envoyer('retiree');
    const pieces = db.collection<{ _id: string; statut: string; removedAt: Date | null }>('pieces_jointes');
    const statut = async (id: string) => (await pieces.findOne({ _id: id }))?.statut;

    // A save refused (another value invalid) detaches nothing.
    const refused = await http(usager, 'PATCH', `/dossiers/${dossierId}/champs`, {
      values: { [pieceChampId]: { attachmentIds: [gardee] }, [texteChampId]: 42 },
    });
    expect(refused.status).toBe(400);
    expect(await statut(retiree)).toBe('jointe');

    const saved = await http(usager, 'PATCH', `/dossiers/${dossierId}/champs`, {
      values: { [pieceChampId]: { attachmentIds: [gardee] } },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.champs[pieceChampId].attachmentIds).toEqual([gardee]);
    // Detached as DELETE …/pieces-jointes/:id does: the orphan cleanup deletes it from S3.
    expect(await pieces.findOne({ _id: retiree })).toMatchObject({
      statut: 'retiree',
      removedAt: expect.any(Date),
    });
    expect(await statut(gardee)).toBe('jointe');
    const listed = await http(usager, 'GET', `/dossiers/${dossierId}/pieces-jointes`);
    const ids = listed.body.piecesJointes.map((p: { id: string }) => p.id);
    expect(ids).toContain(gardee);
    expect(ids).not.toContain(retiree);
  });

  it('offers the PDF of the dossier only once it is deposited', async () => {
    expect(await http(usager, 'GET', `/dossiers/${dossierId}/pdf`)).toMatchObject({
      status: 409,
      body: { error: { code: 'DOSSIER_NOT_DEPOSITED' } },
    });
    expect((await http(intrus, 'GET', `/dossiers/${dossierId}/pdf`)).status).toBe(404);
  });

  it("hands out the démarche's modèle file of a pièce justificative", async () => {
    const link = await http(usager, 'GET', `/dossiers/${dossierId}/champs/${pieceChampId}/modele`);
    expect(link.status).toBe(200);
    const res = await fetch(link.body.url as string);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(modele);
    expect((await http(usager, 'GET', `/dossiers/${dossierId}/champs/${texteChampId}/modele`)).status).toBe(
      404,
    );
  });
});

function mib(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}
