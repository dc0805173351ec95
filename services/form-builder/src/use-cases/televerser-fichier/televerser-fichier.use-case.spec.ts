import { nouvelleDemarche } from '../../domain/demarche';
import { DemarcheErrorCode } from '../../demarche.exception';
import { InMemoryDemarcheFiles } from '../../testing/in-memory-demarche-files';
import { InMemoryDemarcheRepository } from '../../testing/in-memory-demarche.repository';
import { Clock } from '../clock';
import { ModifierDescriptionUseCase } from '../modifier-description/modifier-description.use-case';
import { TeleverserFichierUseCase } from './televerser-fichier.use-case';

const now = new Date('2026-11-27T10:00:00Z');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)]);

async function setup() {
  const repository = new InMemoryDemarcheRepository();
  const files = new InMemoryDemarcheFiles();
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

  async function televerser(
    files: InMemoryDemarcheFiles,
    useCase: TeleverserFichierUseCase,
    id: string,
    kind: 'logo' | 'notice' = 'logo',
  ) {
    const bytes = kind === 'logo' ? PNG : Buffer.from('%PDF-1.7 notice');
    const contentType = kind === 'logo' ? 'image/png' : 'application/pdf';
    const { key } = await useCase.preparer('a@b.fr', id, kind, { contentType, size: bytes.length });
    files.objects.set(key, bytes);
    await useCase.confirmer('a@b.fr', id, kind, { key, filename: `${kind}.bin`, contentType });
    return key;
  }

  it('deletes the replaced object once the démarche is saved, and the removed one', async () => {
    const { files, useCase, id } = await setup();
    const premier = await televerser(files, useCase, id);
    const notice = await televerser(files, useCase, id, 'notice');
    expect(files.removed).toEqual([]);
    const second = await televerser(files, useCase, id);
    expect(files.removed).toEqual([premier]);
    expect(files.objects.has(second)).toBe(true);
    await useCase.retirer('a@b.fr', id, 'logo');
    expect(files.removed).toEqual([premier, second]);
    expect(files.objects.has(notice)).toBe(true);
  });

  it('keeps the current object when the save fails', async () => {
    const { repository, files, useCase, id } = await setup();
    const premier = await televerser(files, useCase, id);
    const { key } = await useCase.preparer('a@b.fr', id, 'logo', {
      contentType: 'image/png',
      size: PNG.length,
    });
    files.objects.set(key, PNG);
    jest.spyOn(repository, 'save').mockRejectedValueOnce(new Error('FerretDB indisponible'));
    await expect(
      useCase.confirmer('a@b.fr', id, 'logo', { key, filename: 'l.png', contentType: 'image/png' }),
    ).rejects.toThrow('FerretDB indisponible');
    expect(files.removed).toEqual([]);
    expect((await repository.load(id))?.logo?.key).toBe(premier);
  });

  it('keeps an object a clone still points at', async () => {
    const { repository, files, useCase, id } = await setup();
    const premier = await televerser(files, useCase, id);
    const source = await repository.load(id);
    await repository.create({ ...source!, id: 'clone', administrateurs: ['c@b.fr'] });
    await televerser(files, useCase, id);
    expect(files.removed).toEqual([]);
    expect(files.objects.has(premier)).toBe(true);
  });

  it('still answers the saved démarche when the deletion fails (an orphan object at worst)', async () => {
    const { files, useCase, id } = await setup();
    await televerser(files, useCase, id);
    files.failRemove = true;
    const second = await televerser(files, useCase, id);
    expect((await useCase.retirer('a@b.fr', id, 'notice')).logo?.key).toBe(second);
    await expect(useCase.retirer('a@b.fr', id, 'logo')).resolves.toMatchObject({ logo: null });
  });
});
