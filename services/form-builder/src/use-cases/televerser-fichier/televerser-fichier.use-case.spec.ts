import { nouvelleDemarche } from '../../domain/demarche';
import { DemarcheErrorCode } from '../../demarche.exception';
import { DemarcheFiles } from '../../storage/demarche-files';
import { InMemoryDemarcheRepository } from '../../testing/in-memory-demarche.repository';
import { Clock } from '../clock';
import { ModifierDescriptionUseCase } from '../modifier-description/modifier-description.use-case';
import { TeleverserFichierUseCase } from './televerser-fichier.use-case';

class InMemoryFiles extends DemarcheFiles {
  readonly objects = new Map<string, Buffer>();
  async presignUpload(key: string, contentType: string, size: number) {
    return {
      url: `memory://${key}`,
      method: 'PUT',
      headers: { 'content-type': contentType, 'content-length': String(size) },
      expiresAt: '',
    };
  }
  async inspect(key: string, headBytes: number) {
    const object = this.objects.get(key);
    return object ? { size: object.length, head: object.subarray(0, headBytes) } : null;
  }
  async downloadUrl(key: string) {
    return `memory://${key}`;
  }
}

const now = new Date('2026-11-27T10:00:00Z');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)]);

async function setup() {
  const repository = new InMemoryDemarcheRepository();
  const files = new InMemoryFiles();
  const clock = { now: () => now } as Clock;
  const useCase = new TeleverserFichierUseCase(
    repository,
    files,
    new ModifierDescriptionUseCase(repository, clock),
  );
  const demarche = await repository.create(
    nouvelleDemarche({ number: 1, title: 'A', description: '', administrateur: 'a@b.fr', now }),
  );
  return { repository, files, useCase, id: demarche.id };
}

describe(TeleverserFichierUseCase.name, () => {
  it('presigns an upload under the démarche, then confirms the stored logo', async () => {
    const { files, useCase, id } = await setup();
    const { key, upload } = await useCase.preparer('a@b.fr', id, 'logo', {
      contentType: 'image/png',
      size: PNG.length,
    });
    expect(key.startsWith(`demarches/${id}/logo/`)).toBe(true);
    expect(upload.headers['content-length']).toBe(String(PNG.length));
    files.objects.set(key, PNG);
    const avec = await useCase.confirmer('a@b.fr', id, 'logo', {
      key,
      filename: 'logo.png',
      contentType: 'image/png',
    });
    expect(avec.logo).toEqual({ key, filename: 'logo.png', contentType: 'image/png', size: PNG.length });
    expect((await useCase.retirer('a@b.fr', id, 'logo')).logo).toBeNull();
  });

  it('refuses to confirm an upload that never arrived, or whose bytes are not the announced format', async () => {
    const { files, useCase, id } = await setup();
    const { key } = await useCase.preparer('a@b.fr', id, 'logo', { contentType: 'image/png', size: 10 });
    const confirm = () =>
      useCase.confirmer('a@b.fr', id, 'logo', { key, filename: 'x.png', contentType: 'image/png' });
    await expect(confirm()).rejects.toMatchObject({ code: DemarcheErrorCode.FICHIER_INVALID });
    files.objects.set(key, Buffer.from('%PDF-1.4 not a png'));
    await expect(confirm()).rejects.toMatchObject({ code: DemarcheErrorCode.FICHIER_INVALID });
  });

  it('hides the démarche from someone who does not administer it', async () => {
    const { useCase, id } = await setup();
    await expect(
      useCase.preparer('x@b.fr', id, 'logo', { contentType: 'image/png', size: 10 }),
    ).rejects.toMatchObject({ code: DemarcheErrorCode.DEMARCHE_NOT_FOUND });
  });
});
