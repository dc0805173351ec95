import { nouvelleDemarche } from '../../domain/demarche';
import { InMemoryDemarcheFiles } from '../../testing/in-memory-demarche-files';
import { InMemoryDemarcheRepository } from '../../testing/in-memory-demarche.repository';
import { PersonnaliserAttestationUseCase } from './personnaliser-attestation.use-case';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
]);

async function setup() {
  const repository = new InMemoryDemarcheRepository();
  const files = new InMemoryDemarcheFiles();
  const { id } = await repository.create(
    nouvelleDemarche({ number: 1, title: 'A', description: '', administrateur: 'a@b.fr', now: new Date() }),
  );
  const useCase = new PersonnaliserAttestationUseCase(repository, files);
  const televerser = async (kind: 'logo' | 'signature') => {
    const { key } = await useCase.preparerTeleversement('a@b.fr', id, kind, {
      contentType: 'image/png',
      size: PNG.length,
    });
    files.objects.set(key, PNG);
    await useCase.confirmerImage('a@b.fr', id, kind, { key, contentType: 'image/png' });
    return key;
  };
  return { repository, files, useCase, id, televerser };
}

describe(PersonnaliserAttestationUseCase.name, () => {
  it('deletes a replaced or removed image once the démarche is saved, not the other image', async () => {
    const { files, useCase, id, televerser } = await setup();
    const logo = await televerser('logo');
    const signature = await televerser('signature');
    const nouveauLogo = await televerser('logo');
    expect(files.removed).toEqual([logo]);
    const attestation = await useCase.supprimerImage('a@b.fr', id, 'signature');
    expect(attestation).toMatchObject({ logoKey: nouveauLogo, signatureKey: null });
    expect(files.removed).toEqual([logo, signature]);
    expect(files.objects.has(nouveauLogo)).toBe(true);
  });

  it('keeps the image when the save fails', async () => {
    const { repository, files, useCase, id, televerser } = await setup();
    const logo = await televerser('logo');
    jest.spyOn(repository, 'save').mockRejectedValueOnce(new Error('FerretDB indisponible'));
    await expect(useCase.supprimerImage('a@b.fr', id, 'logo')).rejects.toThrow('FerretDB indisponible');
    expect(files.removed).toEqual([]);
    expect((await repository.load(id))?.attestation?.logoKey).toBe(logo);
  });
});
