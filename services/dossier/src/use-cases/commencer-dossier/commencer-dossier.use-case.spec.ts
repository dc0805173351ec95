import { RevisionPubliee } from '../../domain/revision';
import { DossierErrorCode } from '../../dossier.exception';
import { DossierRepository } from '../../persistence/dossier.repository';
import { RevisionRepository } from '../../persistence/revision.repository';
import { revisionPubliee } from '../../testing/fixtures';
import { Clock } from '../clock';
import { CommencerDossierUseCase } from './commencer-dossier.use-case';

/** A démarche en test: form-builder's test snapshot has no slug until the first publication. */
const enTest: RevisionPubliee = {
  ...revisionPubliee,
  demarcheId: '0b8e1d52-5a7c-4c4f-9a51-2f0d7b9d6c11',
  slug: '',
  enTest: true,
  administrateurEmails: ['admin@exemple.fr'],
};
const autreEnTest: RevisionPubliee = { ...enTest, demarcheId: 'autre-demarche', title: 'Autre' };
const publiee: RevisionPubliee = { ...revisionPubliee, demarcheId: 'd-publiee', slug: 'aide-jardins' };

class RevisionsEnMemoire extends RevisionRepository {
  constructor(private readonly revisions: RevisionPubliee[]) {
    super();
  }
  upsertIfNewer = jest.fn();
  markClosed = jest.fn();
  markState = jest.fn();
  async findBySlug(slug: string) {
    return this.revisions.find((revision) => revision.slug === slug) ?? null;
  }
  async findByDemarcheId(demarcheId: string) {
    return this.revisions.find((revision) => revision.demarcheId === demarcheId) ?? null;
  }
}

function setup() {
  const dossiers = {
    nextNumber: jest.fn(async () => 42),
    create: jest.fn(async (dossier) => dossier),
  } as unknown as DossierRepository;
  const clock = { now: () => new Date('2026-11-27T10:00:00Z') } as Clock;
  const useCase = new CommencerDossierUseCase(
    new RevisionsEnMemoire([autreEnTest, enTest, publiee]),
    dossiers,
    clock,
  );
  return { useCase, dossiers };
}

const admin = { sub: 'sub-admin', email: 'Admin@exemple.fr' };

describe('the test link /commencer/test/<démarche id>', () => {
  it('finds the démarche en test by its id, though its test snapshot has no slug yet', async () => {
    const { useCase } = setup();
    await expect(useCase.demarcheEnTest(enTest.demarcheId, admin)).resolves.toMatchObject({
      demarcheId: enTest.demarcheId,
      enTest: true,
    });
  });

  it('starts a test dossier on the démarche named by the id, not on another démarche en test', async () => {
    const { useCase } = setup();
    const dossier = await useCase.execute(enTest.demarcheId, admin, { test: true });
    expect(dossier).toMatchObject({ demarcheId: enTest.demarcheId, test: true, number: 42 });
  });

  it('still accepts the slug of a published démarche', async () => {
    const { useCase } = setup();
    await expect(useCase.demarcheEnTest('Aide-Jardins', admin)).resolves.toMatchObject({
      demarcheId: 'd-publiee',
    });
  });

  it('answers « not found » to someone who does not administer the démarche, and for an empty slug', async () => {
    const { useCase, dossiers } = setup();
    const notFound = expect.objectContaining({ code: DossierErrorCode.DEMARCHE_NOT_FOUND });
    await expect(
      useCase.execute(enTest.demarcheId, { sub: 'u', email: 'usager@exemple.fr' }, { test: true }),
    ).rejects.toEqual(notFound);
    await expect(useCase.demarcheEnTest('', admin)).rejects.toEqual(notFound);
    expect(dossiers.create).not.toHaveBeenCalled();
  });

  it('never serves a démarche en test on the public link', async () => {
    const { useCase } = setup();
    await expect(useCase.demarche(enTest.demarcheId)).rejects.toEqual(
      expect.objectContaining({ code: DossierErrorCode.DEMARCHE_NOT_FOUND }),
    );
  });
});
