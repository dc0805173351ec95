import { ConditionOperator } from '@demarches/contracts';
import { extractPdfText, pdfInfoTitle, renderPdf } from '@demarches/pdf';
import { DemarcheException } from '../demarche.exception';
import { fromProtoCondition, toProtoCondition } from '../use-cases/publier-demarche/routage.mapper';
import {
  attestationInvalide,
  attestationOf,
  definirImage,
  nouvelleCleImage,
  personnaliserAttestation,
  validerTeleversementImage,
} from './attestation';
import { modeleAttestation, remplirBalises, valeursExemple } from './attestation-apercu';
import { Demarche, nouvelleDemarche } from './demarche';

function demarche(): Demarche {
  return {
    ...nouvelleDemarche({
      number: 7,
      title: 'Aide aux mares',
      description: '',
      administrateur: 'a@x.fr',
      now: new Date(0),
    }),
    champs: [
      { id: 'nom', type: 'text', label: 'Nom du demandeur', description: '', mandatory: true, options: [] },
      {
        id: 'titre',
        type: 'header_section',
        label: 'Projet',
        description: '',
        mandatory: false,
        options: [],
      },
    ],
  };
}

function error(fn: () => unknown): DemarcheException {
  try {
    fn();
  } catch (e) {
    if (e instanceof DemarcheException) return e;
    throw e;
  }
  throw new Error('expected a DemarcheException');
}

const texte = {
  enabled: true,
  title: 'Attestation',
  body: 'Pour --Nom du demandeur--.',
  footer: '',
  qrCode: false,
};

describe('attestation template', () => {
  it('accepts the built-in balises and one per champ holding a value', () => {
    const d = personnaliserAttestation(demarche(), {
      ...texte,
      body: 'Dossier --numéro du dossier-- de --Nom du demandeur--, accepté le --date de décision--.',
    });
    expect(attestationOf(d)).toMatchObject({ enabled: true, logoKey: null });
  });

  it('refuses unknown balises (titles hold none), long footers and an enabled empty template, all at once', () => {
    const e = error(() =>
      personnaliserAttestation(demarche(), {
        enabled: true,
        title: '',
        body: '--Projet-- --Inconnue--',
        footer: 'x'.repeat(191),
        qrCode: false,
      }),
    );
    expect(e.code).toBe('ATTESTATION_INVALID');
    expect(e.details?.problemes).toEqual([
      'le titre est obligatoire',
      'le pied de page dépasse 190 caractères',
      'balises inconnues : --Projet--, --Inconnue--',
    ]);
  });

  it('allows a disabled draft, and blocks publication once a champ its balises use is renamed', () => {
    expect(
      attestationOf(personnaliserAttestation(demarche(), { ...texte, enabled: false, title: '' })).enabled,
    ).toBe(false);
    const d = personnaliserAttestation(demarche(), texte);
    expect(attestationInvalide(d)).toEqual([]);
    expect(attestationInvalide({ ...d, champs: [] })).toEqual(['Nom du demandeur']);
  });

  it('accepts only PNG or JPEG images up to 5 MB, from this démarche, whose bytes match', () => {
    expect(() => validerTeleversementImage({ contentType: 'image/gif', size: 10 })).toThrow(
      DemarcheException,
    );
    expect(() => validerTeleversementImage({ contentType: 'image/png', size: 5 * 1024 * 1024 + 1 })).toThrow(
      'au plus 5 Mo',
    );
    const d = demarche();
    const key = nouvelleCleImage(d.id, 'logo');
    expect(
      definirImage(d, 'logo', { key, size: 100, contentType: 'image/png', format: 'png' }).attestation
        ?.logoKey,
    ).toBe(key);
    expect(
      error(() => definirImage(d, 'logo', { key, size: 100, contentType: 'image/png', format: null }))
        .message,
    ).toContain("n'est pas une image PNG");
    expect(
      error(() => definirImage(d, 'signature', { key, size: 100, contentType: 'image/png', format: 'png' }))
        .code,
    ).toBe('ATTESTATION_INVALID');
    const autre = nouvelleCleImage('autre-demarche', 'logo');
    expect(() =>
      definirImage(d, 'logo', { key: autre, size: 1, contentType: 'image/png', format: 'png' }),
    ).toThrow("n'a pas été téléversée");
  });

  it('previews with sample values in place of the balises', async () => {
    const d = personnaliserAttestation(demarche(), {
      enabled: true,
      title: 'Attestation --libellé démarche--',
      body: 'Dossier n° --numéro du dossier-- de --Nom du demandeur--.\n\nFait pour valoir ce que de droit.',
      footer: 'Préfecture',
      qrCode: true,
    });
    const valeurs = valeursExemple(d, new Date('2026-03-05T10:00:00Z'));
    expect(remplirBalises('le --date de décision--', valeurs)).toBe('le 5 mars 2026');
    const model = modeleAttestation(
      attestationOf(d),
      valeurs,
      {},
      { qrCodeValue: 'x', now: new Date(0), subject: 's' },
    );
    const pdf = await renderPdf(model, { compress: false });
    expect(pdfInfoTitle(pdf)).toBe('Attestation Aide aux mares');
    expect(extractPdfText(pdf)).toEqual(
      expect.arrayContaining([
        'Attestation Aide aux mares',
        'Dossier n° 123 de [Nom du demandeur].',
        'Fait pour valoir ce que de droit.',
        "Vérifier l'authenticité",
        'Préfecture',
      ]),
    );
  });
});

describe('condition ↔ proto', () => {
  it('converts every node and operator both ways', () => {
    const condition = {
      any: [
        { all: [{ champId: 'a', operator: 'includes' as const, value: 'x' }] },
        { champId: 'b', operator: 'is_empty' as const, value: '' },
      ],
    };
    const proto = toProtoCondition(condition);
    expect(proto.any?.conditions[0].all?.conditions[0].comparison?.operator).toBe(ConditionOperator.INCLUDES);
    expect(fromProtoCondition(proto)).toEqual(condition);
  });
});
