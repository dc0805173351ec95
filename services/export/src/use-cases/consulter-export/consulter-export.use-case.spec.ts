import { ExportErrorCode } from '../../export.exception';
import { InMemoryExportFiles, InMemoryExportJobs } from '../../testing/in-memory-ports';
import { ConsulterExportUseCase } from './consulter-export.use-case';

const owner = { sub: 'admin-sub', email: 'admin@exemple.fr', roles: ['administrateur'] };

async function setup(status: 'pending' | 'done') {
  const jobs = new InMemoryExportJobs();
  await jobs.create({
    id: 'exp-1',
    demarcheId: 'dem-1',
    format: 'csv',
    requestedBySub: 'admin-sub',
    requestedByEmail: 'admin@exemple.fr',
    groupeInstructeurIds: null,
    status,
    objectKey: status === 'done' ? 'exports/dem-1/exp-1.csv' : null,
    sizeBytes: null,
    dossierCount: status === 'done' ? 3 : null,
    error: null,
    createdAt: new Date('2026-11-27T10:00:00Z'),
    completedAt: null,
  });
  return new ConsulterExportUseCase(jobs, new InMemoryExportFiles());
}

describe(ConsulterExportUseCase.name, () => {
  it('gives a signed download link once the export is done', async () => {
    const view = await (await setup('done')).execute({ exportId: 'exp-1', caller: owner });
    expect(view).toMatchObject({ status: 'done', dossierCount: 3 });
    expect(view.downloadUrl).toBe(
      'https://s3.test/exports/dem-1/exp-1.csv?filename=dossiers-dem-1-2026-11-27.csv&signed=1',
    );
  });

  it('gives no link while the export is being built', async () => {
    const view = await (await setup('pending')).execute({ exportId: 'exp-1', caller: owner });
    expect(view).toMatchObject({ status: 'pending', downloadUrl: null });
  });

  it('hides an export from anyone but the person who asked for it', async () => {
    const useCase = await setup('done');
    const colleague = { ...owner, sub: 'someone-else' };
    await expect(useCase.execute({ exportId: 'exp-1', caller: colleague })).rejects.toMatchObject({
      code: ExportErrorCode.EXPORT_NOT_FOUND,
      kind: 'not_found',
    });
  });
});
