import { DossierState } from '@demarches/contracts';
import { DossierRecord } from '../../domain/dossier-record';
import { ExportJob } from '../../domain/export-job';
import {
  InMemoryDossierRecords,
  InMemoryExportFiles,
  InMemoryExportJobs,
} from '../../testing/in-memory-ports';
import { GenererExportUseCase } from './generer-export.use-case';

const record = (n: number, groupe: string, demarcheId = 'dem-1'): DossierRecord => ({
  dossierId: `d-${n}`,
  number: n,
  demarcheId,
  groupeInstructeurId: groupe,
  state: DossierState.EN_CONSTRUCTION,
  usagerEmail: `usager${n}@exemple.fr`,
  depositedAt: new Date('2026-11-20T10:00:00Z'),
  enInstructionAt: null,
  decidedAt: null,
  motivation: null,
  champs: [{ champId: 'c1', label: 'Nom du projet', value: `Projet ${n}` }],
  version: 2,
});

const job = (overrides: Partial<ExportJob> = {}): ExportJob => ({
  id: 'exp-1',
  demarcheId: 'dem-1',
  format: 'csv',
  requestedBySub: 'admin-sub',
  requestedByEmail: 'admin@exemple.fr',
  groupeInstructeurIds: null,
  status: 'pending',
  objectKey: null,
  sizeBytes: null,
  dossierCount: null,
  error: null,
  createdAt: new Date(),
  completedAt: null,
  ...overrides,
});

async function setup(exportJob: ExportJob) {
  const jobs = new InMemoryExportJobs();
  const dossiers = new InMemoryDossierRecords();
  const files = new InMemoryExportFiles();
  await jobs.create(exportJob);
  for (const r of [record(2, 'g-1'), record(1, 'g-2'), record(3, 'g-1', 'dem-other')])
    await dossiers.upsert(r);
  return { jobs, files, useCase: new GenererExportUseCase(jobs, dossiers, files) };
}

describe(GenererExportUseCase.name, () => {
  it("writes the démarche's dossiers, by number, to the object store and marks the export done", async () => {
    const { jobs, files, useCase } = await setup(job());
    expect(await useCase.execute('exp-1', false)).toBe('done');
    const csv = files.objects.get('exports/dem-1/exp-1.csv') ?? '';
    const lines = csv.split('\r\n');
    expect(lines[0]).toMatch(/^\uFEFFNuméro,.*,Nom du projet$/);
    expect(lines.slice(1, 3).map((l) => l.split(',')[0])).toEqual(['1', '2']);
    expect(csv).not.toContain('Projet 3');
    expect(jobs.byId.get('exp-1')).toMatchObject({
      status: 'done',
      dossierCount: 2,
      objectKey: 'exports/dem-1/exp-1.csv',
      sizeBytes: Buffer.byteLength(csv),
    });
    expect(jobs.completed).toEqual(['exp-1']);
  });

  it("keeps an instructeur's export to her groupes", async () => {
    const { files, useCase } = await setup(job({ groupeInstructeurIds: ['g-1'] }));
    await useCase.execute('exp-1', false);
    const csv = files.objects.get('exports/dem-1/exp-1.csv') ?? '';
    expect(csv).toContain('Projet 2');
    expect(csv).not.toContain('Projet 1');
  });

  it('does nothing for an export already done', async () => {
    const { files, useCase } = await setup(job({ status: 'done' }));
    expect(await useCase.execute('exp-1', false)).toBe('already_done');
    expect(files.objects.size).toBe(0);
  });

  it('rethrows a failure for a retry, and marks the export failed only after the last attempt', async () => {
    const { jobs, files, useCase } = await setup(job());
    files.failUploads = true;
    await expect(useCase.execute('exp-1', false)).rejects.toThrow('S3 unavailable');
    expect(jobs.byId.get('exp-1')?.status).toBe('running');
    await expect(useCase.execute('exp-1', true)).rejects.toThrow('S3 unavailable');
    expect(jobs.byId.get('exp-1')).toMatchObject({ status: 'failed', error: 'S3 unavailable' });
  });
});
