import { nouvelleDemarche } from '../../domain/demarche';
import { avecFichier } from '../../domain/fichiers';
import { DemarcheErrorCode } from '../../demarche.exception';
import { InMemoryDemarcheFiles } from '../../testing/in-memory-demarche-files';
import { InMemoryDemarcheRepository } from '../../testing/in-memory-demarche.repository';
import { TelechargerFichierUseCase } from './telecharger-fichier.use-case';

const notice = {
  key: 'demarches/d/notice/1',
  filename: 'notice.pdf',
  contentType: 'application/pdf',
  size: 12,
};

async function setup(state: 'brouillon' | 'publiee') {
  const repository = new InMemoryDemarcheRepository();
  const demarche = avecFichier(
    nouvelleDemarche({ number: 1, title: 'A', description: '', administrateur: 'a@b.fr', now: new Date() }),
    'notice',
    notice,
  );
  const { id } = await repository.create({ ...demarche, state });
  return { id, useCase: new TelechargerFichierUseCase(repository, new InMemoryDemarcheFiles()) };
}

describe(TelechargerFichierUseCase.name, () => {
  it('gives anyone a short link to a file of a published démarche', async () => {
    const { id, useCase } = await setup('publiee');
    await expect(useCase.execute(id, 'notice', undefined)).resolves.toEqual({
      url: `memory://${notice.key}`,
    });
    await expect(useCase.execute(id, 'logo', undefined)).rejects.toMatchObject({
      code: DemarcheErrorCode.FICHIER_INVALID,
      kind: 'not_found',
    });
  });

  it('shows the files of a démarche en test only to its administrateurs', async () => {
    const { id, useCase } = await setup('brouillon');
    await expect(useCase.execute(id, 'notice', 'a@b.fr')).resolves.toEqual({ url: `memory://${notice.key}` });
    for (const viewer of [undefined, 'x@b.fr']) {
      await expect(useCase.execute(id, 'notice', viewer)).rejects.toMatchObject({
        code: DemarcheErrorCode.DEMARCHE_NOT_FOUND,
      });
    }
    await expect(useCase.execute('inconnue', 'notice', 'a@b.fr')).rejects.toMatchObject({
      code: DemarcheErrorCode.DEMARCHE_NOT_FOUND,
    });
  });
});
