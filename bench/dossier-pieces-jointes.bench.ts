// A 200 MB pièce justificative through the dossier service (services/dossier/src/pieces-jointes): the service runs as
// its own process (main.ts), the bench plays the browser (presigned multipart PUTs straight to the local S3 server,
// then the confirmation, where the service completes the upload, streams the object through SHA-256 and sniffs its
// first bytes). Measured: the service's resident memory (sampled every 50 ms, and the kernel's VmHWM peak) and the
// durations, against a raw baseline in the same run: the same file uploaded with the same presigned parts without the
// service, then hashed by reading it back. Needs the local infrastructure (deploy/local/infra.sh up).
import { ChampType, Topics } from '@demarches/contracts';
import { ObjectStorage, sha256OfStream, storageOptionsFromEnv } from '@demarches/platform-storage';
import {
  demarchePublished,
  internalHttpClient,
  KafkaProbe,
  serviceTestEnv,
  startServiceProcess,
  testNamespace,
  waitFor,
} from '@demarches/testing';
import { randomUUID } from 'node:crypto';
import { loadDossierConfig } from '../services/dossier/src/config';
import {
  decouperEnParts,
  TAILLE_MAX,
  TAILLE_PART,
} from '../services/dossier/src/pieces-jointes/domain/piece-jointe';
import {
  envoyerCommeUnNavigateur,
  fauxPdf,
  memoireDuProcessus,
  sha256Hex,
} from '../services/dossier/src/pieces-jointes/testing/navigateur';
import { machineInfo, mib } from './measure';
import { writeSection } from './report';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const namespace = testNamespace('bench-dossier-pieces-jointes');
  const env = serviceTestEnv(namespace, 'dossier');
  const storage = new ObjectStorage(storageOptionsFromEnv(loadDossierConfig(env)));
  await storage.ensureBucket();
  const probe = new KafkaProbe(namespace);
  await probe.start([Topics.procedure, Topics.dossier]);
  const service = await startServiceProcess('dossier', env);
  const pid = service.pid as number;
  try {
    const http = internalHttpClient(service.url);
    const usager = { sub: 'bench', email: 'bench@exemple.fr', roles: ['usager' as const] };
    const demarcheId = randomUUID();
    const champId = randomUUID();
    const slug = `bench-${demarcheId.slice(0, 8)}`;
    await probe.publish(
      Topics.procedure,
      'DemarchePublished',
      demarcheId,
      demarchePublished({
        demarcheId,
        slug,
        champs: [
          {
            id: champId,
            type: ChampType.PIECE_JUSTIFICATIVE,
            label: 'Pièce',
            description: '',
            mandatory: true,
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
    const dossierId = created.body.id as string;
    const body = fauxPdf(TAILLE_MAX);
    const sha256 = sha256Hex(body);

    // Baseline: the same bytes, the same presigned parts, no service; then hashed by reading them back.
    const baselineStart = Date.now();
    const key = `bench/${randomUUID()}.pdf`;
    const { uploadId } = await storage.createMultipart(key, { contentType: 'application/pdf' });
    const parts = await Promise.all(
      decouperEnParts(body.length).map(async ({ partNumber, size }) => ({
        partNumber,
        ...(await storage.presignPart(key, uploadId, partNumber, { contentLength: size })),
      })),
    );
    const baselineParts = await envoyerCommeUnNavigateur(
      { mode: 'multipart', partSize: TAILLE_PART, parts },
      body,
    );
    await storage.completeMultipart(key, uploadId, baselineParts ?? []);
    const baselineUploadMs = Date.now() - baselineStart;
    const hashStart = Date.now();
    await sha256OfStream(await storage.getObjectStream(key));
    const baselineHashMs = Date.now() - hashStart;
    await storage.delete(key);

    // Through the service.
    const before = memoireDuProcessus(pid);
    let peak = before.rss;
    const sampler = setInterval(() => (peak = Math.max(peak, memoireDuProcessus(pid).rss)), 50);
    const uploadStart = Date.now();
    const started = await http(usager, 'POST', `/dossiers/${dossierId}/pieces-jointes`, {
      champId,
      fileName: 'bench.pdf',
      contentType: 'application/pdf',
      size: body.length,
      sha256,
    });
    const sent = await envoyerCommeUnNavigateur(started.body.envoi, body);
    const uploadMs = Date.now() - uploadStart;
    const confirmStart = Date.now();
    const confirmed = await http(
      usager,
      'POST',
      `/dossiers/${dossierId}/pieces-jointes/${started.body.pieceJointe.id}/confirmer`,
      { parts: sent },
    );
    const confirmMs = Date.now() - confirmStart;
    clearInterval(sampler);
    if (confirmed.status !== 200) throw new Error(`confirmation refused: ${JSON.stringify(confirmed.body)}`);
    const after = memoireDuProcessus(pid);
    peak = Math.max(peak, after.peak);

    const info = machineInfo();
    await writeSection(
      'dossier-pieces-jointes',
      [
        '## A 200 MB pièce justificative through the dossier service (`bench/dossier-pieces-jointes.bench.ts`)',
        '',
        ...Object.entries(info).map(([k, v]) => `- **${k}**: ${v}`),
        `- **file**: ${mib(body.length)} PDF, ${decouperEnParts(body.length).length} presigned parts of ${mib(TAILLE_PART)}, sent one at a time to the local versitygw; the service runs as its own process (main.ts)`,
        '',
        '| dossier service process (RSS)        | value |',
        '| ------------------------------------ | ----- |',
        `| before the upload                    | ${mib(before.rss)} |`,
        `| peak during upload and verification  | ${mib(peak)} |`,
        `| growth                               | ${mib(peak - before.rss)} |`,
        `| after                                | ${mib(after.rss)} |`,
        '',
        '| step                                                          | duration |',
        '| ------------------------------------------------------------- | -------- |',
        `| baseline: presigned multipart upload, no service              | ${seconds(baselineUploadMs)} |`,
        `| baseline: SHA-256 of the object read back from S3             | ${seconds(baselineHashMs)} |`,
        `| service: start + presigned multipart upload                   | ${seconds(uploadMs)} |`,
        `| service: confirmation (complete, streamed SHA-256, sniff, attach) | ${seconds(confirmMs)} |`,
        '',
        'The service never holds the file: the bytes go from the client to S3, and the verification streams the object',
        'through a hash in 64 KiB chunks, so its memory grows by a small constant whatever the file size (ADR 0014).',
      ].join('\n'),
    );
    console.log({
      before: mib(before.rss),
      peak: mib(peak),
      uploadMs,
      confirmMs,
      baselineUploadMs,
      baselineHashMs,
    });
  } finally {
    await service.stop();
    await probe.stop();
    storage.onApplicationShutdown();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
