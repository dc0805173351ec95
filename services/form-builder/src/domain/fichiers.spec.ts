import { DemarcheErrorCode } from '../demarche.exception';
import { ATTESTATION_PAR_DEFAUT } from './attestation';
import { nouvelleDemarche } from './demarche';
import {
  assertFichierKind,
  avecFichier,
  clesAbandonnees,
  clesStockees,
  fichierOf,
  fichierPublic,
  fichiersPresents,
  nouvelleCleFichier,
  validerTeleversement,
  verifierFichier,
} from './fichiers';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]);
const PDF = Buffer.from('%PDF-1.7\n');
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]);
const invalid = expect.objectContaining({ code: DemarcheErrorCode.FICHIER_INVALID });

describe('description files', () => {
  it('accepts a png or jpg logo up to 5 MB', () => {
    expect(() =>
      validerTeleversement('logo', { contentType: 'image/png', size: 5 * 1024 * 1024 }),
    ).not.toThrow();
    expect(() => validerTeleversement('logo', { contentType: 'image/jpeg', size: 10 })).not.toThrow();
  });

  it.each([
    ['logo', 'image/gif', 10],
    ['logo', 'image/png', 5 * 1024 * 1024 + 1],
    ['logo', 'image/png', 0],
    ['notice', 'image/png', 10],
    ['notice', 'application/pdf', 20 * 1024 * 1024 + 1],
    ['cadre_juridique', 'text/html', 10],
  ] as const)('refuses a %s of type %s and %d bytes', (kind, contentType, size) => {
    expect(() => validerTeleversement(kind, { contentType, size })).toThrow(invalid);
  });

  it('refuses an unknown kind of file', () => {
    expect(() => assertFichierKind('photo')).toThrow(expect.objectContaining({ code: 'FICHIER_INVALID' }));
    expect(assertFichierKind('notice')).toBe('notice');
  });

  it('checks the magic bytes of the stored object against the announced type', () => {
    const key = nouvelleCleFichier('d1', 'logo');
    const stored = { key, size: 10, filename: 'logo.png', contentType: 'image/png' };
    expect(verifierFichier('d1', 'logo', { ...stored, head: PNG })).toEqual({
      key,
      filename: 'logo.png',
      contentType: 'image/png',
      size: 10,
    });
    expect(() => verifierFichier('d1', 'logo', { ...stored, head: JPEG })).toThrow(invalid);
    expect(() => verifierFichier('d1', 'logo', { ...stored, head: Buffer.from('MZ\x90\x00') })).toThrow(
      invalid,
    );
  });

  it('accepts pdf, odt and docx documents by their signature', () => {
    const key = nouvelleCleFichier('d1', 'notice');
    const base = { key, size: 10, filename: 'notice' };
    expect(() =>
      verifierFichier('d1', 'notice', { ...base, contentType: 'application/pdf', head: PDF }),
    ).not.toThrow();
    const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    expect(() => verifierFichier('d1', 'notice', { ...base, contentType: docx, head: ZIP })).not.toThrow();
    expect(() =>
      verifierFichier('d1', 'notice', { ...base, contentType: 'application/pdf', head: ZIP }),
    ).toThrow(invalid);
  });

  it('refuses an object uploaded for another démarche or another kind, and an object over the limit', () => {
    const stored = { size: 10, filename: 'logo.png', contentType: 'image/png', head: PNG };
    expect(() => verifierFichier('d1', 'logo', { ...stored, key: nouvelleCleFichier('d2', 'logo') })).toThrow(
      invalid,
    );
    expect(() =>
      verifierFichier('d1', 'logo', { ...stored, key: nouvelleCleFichier('d1', 'notice') }),
    ).toThrow(invalid);
    const big = { ...stored, key: nouvelleCleFichier('d1', 'logo'), size: 6 * 1024 * 1024 };
    expect(() => verifierFichier('d1', 'logo', big)).toThrow(invalid);
  });

  it('stores the cadre juridique document beside its text', () => {
    const demarche = nouvelleDemarche({
      number: 1,
      title: 'A',
      description: '',
      administrateur: 'a@b.fr',
      now: new Date(),
    });
    const fichier = { key: 'k', filename: 'deliberation.pdf', contentType: 'application/pdf', size: 3 };
    const avec = avecFichier(demarche, 'cadre_juridique', fichier);
    expect(avec.cadreJuridique).toEqual({ texte: '', url: null, document: fichier });
    expect(fichierOf(avec, 'cadre_juridique')).toBe(fichier);
    expect(fichierOf(avecFichier(avec, 'logo', fichier), 'logo')).toBe(fichier);
  });
});

describe('files shown to the usagers and objects left behind', () => {
  const base = () =>
    nouvelleDemarche({ number: 1, title: 'A', description: '', administrateur: 'a@b.fr', now: new Date() });
  const logo = { key: 'demarches/x/logo/1', filename: 'logo.png', contentType: 'image/png', size: 10 };
  const notice = { key: 'demarches/x/notice/1', filename: 'n.pdf', contentType: 'application/pdf', size: 20 };

  it('serves the files of a published démarche to anyone, of another state only to its administrateurs', () => {
    const brouillon = avecFichier(base(), 'logo', logo);
    expect(fichierPublic(brouillon, 'logo', 'A@b.fr')).toEqual(logo);
    for (const viewer of [undefined, 'x@b.fr']) {
      expect(() => fichierPublic(brouillon, 'logo', viewer)).toThrow(
        expect.objectContaining({ code: DemarcheErrorCode.DEMARCHE_NOT_FOUND }),
      );
    }
    const publiee = { ...brouillon, state: 'publiee' as const };
    expect(fichierPublic(publiee, 'logo', undefined)).toEqual(logo);
    expect(() => fichierPublic(publiee, 'notice', undefined)).toThrow(
      expect.objectContaining({ code: DemarcheErrorCode.FICHIER_INVALID, kind: 'not_found' }),
    );
    expect(() => fichierPublic({ ...publiee, deletedAt: new Date() }, 'logo', 'a@b.fr')).toThrow(
      expect.objectContaining({ code: DemarcheErrorCode.DEMARCHE_NOT_FOUND }),
    );
  });

  it('lists the files present in a stable order', () => {
    const demarche = avecFichier(avecFichier(base(), 'cadre_juridique', notice), 'logo', logo);
    expect(fichiersPresents(demarche).map(({ kind }) => kind)).toEqual(['logo', 'cadre_juridique']);
  });

  it('names the objects a change no longer points at, attestation images included', () => {
    const avant = {
      ...avecFichier(avecFichier(base(), 'logo', logo), 'notice', notice),
      attestation: { ...ATTESTATION_PAR_DEFAUT, logoKey: 'att/logo/1', signatureKey: 'att/sig/1' },
    };
    const apres = {
      ...avecFichier(avecFichier(avant, 'logo', { ...logo, key: 'demarches/x/logo/2' }), 'notice', null),
      attestation: { ...avant.attestation, signatureKey: 'att/sig/2' },
    };
    expect(clesAbandonnees(avant, apres)).toEqual([logo.key, notice.key, 'att/sig/1']);
    expect(clesAbandonnees(avant, avant)).toEqual([]);
    // Removing the logo alone leaves the other objects in use.
    expect(clesAbandonnees(avant, avecFichier(avant, 'logo', null))).toEqual([logo.key]);
    expect(clesStockees(base())).toEqual([]);
  });
});
