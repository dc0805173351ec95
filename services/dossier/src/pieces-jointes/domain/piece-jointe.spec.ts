import { DossierErrorCode } from '../../dossier.exception';
import type { ChampDescriptor } from '../../domain/revision';
import { DeclarationEnvoi, verifierEnvoi } from './piece-jointe';

const champ = (settings?: Record<string, unknown>): ChampDescriptor =>
  ({
    id: 'pj',
    type: 'piece_justificative',
    label: 'Plan du jardin',
    description: '',
    mandatory: false,
    options: [],
    settings,
  }) as ChampDescriptor;

const fichier = (fileName: string, contentType: string, size = 1024): DeclarationEnvoi => ({
  champId: 'pj',
  fileName,
  contentType,
  size,
  sha256: 'a'.repeat(64),
});

const refus = (code: DossierErrorCode) => expect.objectContaining({ code });

describe('verifierEnvoi', () => {
  it('takes every format of the seed when the administrateur chose none', () => {
    expect(() => verifierEnvoi(champ(), fichier('plan.pdf', 'application/pdf'))).not.toThrow();
    expect(() => verifierEnvoi(champ(), fichier('plan.png', 'image/png'))).not.toThrow();
  });

  it('narrows to the formats chosen in the champ settings, listing them in the refusal', () => {
    const pdfSeulement = champ({ formats: ['pdf'] });
    expect(() => verifierEnvoi(pdfSeulement, fichier('plan.pdf', 'application/pdf'))).not.toThrow();
    expect(() => verifierEnvoi(pdfSeulement, fichier('plan.png', 'image/png'))).toThrow(
      expect.objectContaining({
        code: DossierErrorCode.PIECE_JOINTE_FORMAT_REFUSED,
        details: { extension: 'png', accepted: ['pdf'] },
      }),
    );
  });

  it('treats the titre d’identité nature as an image of at most 20 MB', () => {
    const titre = champ({ nature: 'titre_identite' });
    expect(() => verifierEnvoi(titre, fichier('cni.jpg', 'image/jpeg'))).not.toThrow();
    expect(() => verifierEnvoi(titre, fichier('cni.pdf', 'application/pdf'))).toThrow(
      refus(DossierErrorCode.PIECE_JOINTE_FORMAT_REFUSED),
    );
    expect(() => verifierEnvoi(titre, fichier('cni.jpg', 'image/jpeg', 21 * 1024 * 1024))).toThrow(
      refus(DossierErrorCode.PIECE_JOINTE_TOO_LARGE),
    );
  });

  it('refuses a file whose declared type contradicts its extension', () => {
    expect(() => verifierEnvoi(champ(), fichier('plan.pdf', 'image/png'))).toThrow(
      refus(DossierErrorCode.PIECE_JOINTE_FORMAT_REFUSED),
    );
  });
});
