import { ExportErrorCode } from '../../export.exception';
import {
  InMemoryDemarcheAccesses,
  InMemoryExportJobs,
  InMemoryExportQueue,
} from '../../testing/in-memory-ports';
import { DemanderExportUseCase } from './demander-export.use-case';

const admin = { sub: 'admin-sub', email: 'Admin@Exemple.fr', roles: ['administrateur'] };
const instructeur = { sub: 'inst-sub', email: 'instructeur@exemple.fr', roles: ['instructeur'] };

async function setup() {
  const demarches = new InMemoryDemarcheAccesses();
  await demarches.save({
    demarcheId: 'dem-1',
    title: 'Aide',
    administrateurEmails: ['admin@exemple.fr'],
    groupes: [
      { id: 'g-1', instructeurEmails: ['instructeur@exemple.fr'] },
      { id: 'g-2', instructeurEmails: ['autre@exemple.fr'] },
    ],
    version: 1,
  });
  const jobs = new InMemoryExportJobs();
  const queue = new InMemoryExportQueue();
  return { jobs, queue, useCase: new DemanderExportUseCase(demarches, jobs, queue) };
}

describe(DemanderExportUseCase.name, () => {
  it("creates a pending export of every dossier for the démarche's administrateur and queues it under its id", async () => {
    const { jobs, queue, useCase } = await setup();
    const job = await useCase.execute({ demarcheId: 'dem-1', format: 'csv', caller: admin });
    expect(job).toMatchObject({ status: 'pending', groupeInstructeurIds: null, requestedBySub: 'admin-sub' });
    expect(jobs.byId.has(job.id)).toBe(true);
    expect(queue.jobIds).toEqual([job.id]);
  });

  it("limits an instructeur's export to her groupes", async () => {
    const { useCase } = await setup();
    const job = await useCase.execute({ demarcheId: 'dem-1', format: 'csv', caller: instructeur });
    expect(job.groupeInstructeurIds).toEqual(['g-1']);
  });

  it('returns the export still being built instead of starting a twin', async () => {
    const { queue, useCase } = await setup();
    const first = await useCase.execute({ demarcheId: 'dem-1', format: 'csv', caller: admin });
    const second = await useCase.execute({ demarcheId: 'dem-1', format: 'csv', caller: admin });
    expect(second.id).toBe(first.id);
    expect(queue.jobIds).toHaveLength(1);
  });

  it('answers "not found" for an unknown démarche and for one the caller neither administers nor instructs', async () => {
    const { useCase } = await setup();
    const outsider = { sub: 'x', email: 'x@exemple.fr', roles: ['instructeur', 'administrateur'] };
    await expect(useCase.execute({ demarcheId: 'nope', format: 'csv', caller: admin })).rejects.toMatchObject(
      {
        code: ExportErrorCode.DEMARCHE_NOT_FOUND,
      },
    );
    await expect(
      useCase.execute({ demarcheId: 'dem-1', format: 'csv', caller: outsider }),
    ).rejects.toMatchObject({
      code: ExportErrorCode.DEMARCHE_NOT_FOUND,
    });
  });

  it('does not let an instructeur listed as administrateur e-mail export without the administrateur role', async () => {
    const { useCase } = await setup();
    const notAdmin = { sub: 's', email: 'admin@exemple.fr', roles: ['instructeur'] };
    await expect(
      useCase.execute({ demarcheId: 'dem-1', format: 'csv', caller: notAdmin }),
    ).rejects.toMatchObject({
      code: ExportErrorCode.DEMARCHE_NOT_FOUND,
    });
  });

  it('refuses formats other than csv and a missing démarche', async () => {
    const { useCase } = await setup();
    await expect(
      useCase.execute({ demarcheId: 'dem-1', format: 'xlsx', caller: admin }),
    ).rejects.toMatchObject({
      code: ExportErrorCode.EXPORT_FORMAT_UNSUPPORTED,
      kind: 'invalid',
    });
    await expect(
      useCase.execute({ demarcheId: undefined, format: 'csv', caller: admin }),
    ).rejects.toMatchObject({
      code: ExportErrorCode.EXPORT_INVALID,
    });
  });
});
