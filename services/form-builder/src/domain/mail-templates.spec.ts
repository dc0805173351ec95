import { DemarcheErrorCode } from '../demarche.exception';
import { ajouterInstructeur, Demarche, nouvelleDemarche } from './demarche';
import { ajouterChamp, modifierChamp } from './formulaire';
import {
  assertMailKind,
  balisesDisponibles,
  balisesOf,
  BODY_MAX_LENGTH,
  mailViews,
  personnaliserMail,
  reinitialiserMail,
  SUBJECT_MAX_LENGTH,
  validerMailTemplate,
} from './mail-templates';
import { publier } from './publication';
import { pretePourPublication } from '../testing/in-memory-demarche.repository';

const now = new Date('2026-11-27T10:00:00Z');

function demarche(): { demarche: Demarche; champId: string } {
  const base = nouvelleDemarche({ number: 1, title: 'Aide', description: '', administrateur: 'a@b.fr', now });
  const nom = ajouterChamp(base, 'champs', {
    type: 'text',
    label: 'Nom du jardin',
    description: '',
    mandatory: true,
    options: [],
  });
  const titre = ajouterChamp(nom.demarche, 'champs', {
    type: 'header_section',
    label: 'Votre projet',
    description: '',
    mandatory: false,
    options: [],
  }).demarche;
  const annotee = ajouterChamp(titre, 'annotations', {
    type: 'textarea',
    label: 'Avis technique',
    description: '',
    mandatory: false,
    options: [],
  }).demarche;
  return { demarche: pretePourPublication(ajouterInstructeur(annotee, 'i@b.fr')), champId: nom.result.id };
}

const invalid = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error as { code: string; kind: string; message: string; details: Record<string, unknown> };
  }
  throw new Error('expected a refusal');
};

describe('e-mail templates', () => {
  it('offers the built-in balises plus one per champ and annotation with a value', () => {
    const balises = balisesDisponibles(demarche().demarche);
    expect(balises).toEqual(
      expect.arrayContaining([
        'numéro du dossier',
        'libellé démarche',
        'motivation',
        'lien dossier',
        'date de dépôt',
        'date de passage en instruction',
        'date de décision',
        'lien attestation',
        'Nom du jardin',
        'Avis technique',
      ]),
    );
    // A titre de section holds no value, so it has no balise.
    expect(balises).not.toContain('Votre projet');
  });

  it('reads balises with dashes inside and ignores a stray `--` in prose', () => {
    expect(balisesOf('a -- b --Nom-prénom-- et --numéro du dossier--')).toEqual([
      'Nom-prénom',
      'numéro du dossier',
    ]);
  });

  it('accepts a template using built-in, champ and annotation balises', () => {
    const { demarche: d } = demarche();
    const template = validerMailTemplate(d, 'dossier_depose', {
      subject: ' Dossier --numéro du dossier-- : --Nom du jardin-- ',
      body: 'Bonjour,\r\nAvis : --Avis technique--\r\n--lien dossier--\n',
    });
    expect(template).toEqual({
      kind: 'dossier_depose',
      subject: 'Dossier --numéro du dossier-- : --Nom du jardin--',
      body: 'Bonjour,\nAvis : --Avis technique--\n--lien dossier--',
    });
  });

  it('refuses a typo in a balise, listing every unknown balise once', () => {
    const error = invalid(() =>
      validerMailTemplate(demarche().demarche, 'dossier_accepte', {
        subject: 'Dossier --numero du dossier--',
        body: '--Nom du jardinn-- --numero du dossier-- --Votre projet--',
      }),
    );
    expect(error).toMatchObject({
      code: DemarcheErrorCode.MAIL_TEMPLATE_INVALID,
      kind: 'invalid',
      details: {
        kind: 'dossier_accepte',
        balisesInconnues: ['numero du dossier', 'Nom du jardinn', 'Votre projet'],
      },
    });
    expect(error.message).toContain('--numero du dossier--, --Nom du jardinn--, --Votre projet--');
  });

  it('refuses an empty or too long subject and body, with every problem listed', () => {
    const empty = invalid(() =>
      validerMailTemplate(demarche().demarche, 'dossier_refuse', { subject: '  ', body: '' }),
    );
    expect(empty.details.problemes).toEqual([
      "l'objet est obligatoire",
      'le corps du message est obligatoire',
    ]);
    const long = invalid(() =>
      validerMailTemplate(demarche().demarche, 'dossier_refuse', {
        subject: 'x'.repeat(SUBJECT_MAX_LENGTH + 1),
        body: 'y'.repeat(BODY_MAX_LENGTH + 1),
      }),
    );
    expect(long.details.problemes).toHaveLength(2);
    expect(() =>
      validerMailTemplate(demarche().demarche, 'dossier_refuse', {
        subject: 'x'.repeat(SUBJECT_MAX_LENGTH),
        body: 'y'.repeat(BODY_MAX_LENGTH),
      }),
    ).not.toThrow();
  });

  it('refuses a kind that does not exist', () => {
    expect(assertMailKind('dossier_accepte')).toBe('dossier_accepte');
    expect(invalid(() => assertMailKind('dossier_perdu'))).toMatchObject({
      code: DemarcheErrorCode.MAIL_KIND_NOT_FOUND,
      kind: 'not_found',
    });
  });

  it('shows every kind with the default until customised, and goes back to the default on reset', () => {
    const { demarche: d } = demarche();
    expect(mailViews(d).map((view) => [view.kind, view.custom])).toEqual([
      ['dossier_depose', false],
      ['dossier_en_instruction', false],
      ['dossier_accepte', false],
      ['dossier_refuse', false],
      ['dossier_sans_suite', false],
      ['dossier_repasse_en_instruction', false],
    ]);
    expect(mailViews(d)[0].subject).toContain('--numéro du dossier--');

    const refus = personnaliserMail(d, 'dossier_refuse', {
      subject: 'Refus',
      body: 'Motif : --motivation--',
    });
    const depot = personnaliserMail(refus.demarche, 'dossier_depose', { subject: 'Reçu', body: 'Merci' });
    expect(depot.demarche.mailTemplates.map((t) => t.kind)).toEqual(['dossier_depose', 'dossier_refuse']);
    expect(mailViews(depot.demarche)[3]).toEqual({
      kind: 'dossier_refuse',
      subject: 'Refus',
      body: 'Motif : --motivation--',
      custom: true,
    });

    const reset = reinitialiserMail(depot.demarche, 'dossier_refuse');
    expect(reset).toMatchObject({ changed: true, result: { kind: 'dossier_refuse', custom: false } });
    expect(reset.demarche.mailTemplates.map((t) => t.kind)).toEqual(['dossier_depose']);
    expect(reinitialiserMail(reset.demarche, 'dossier_refuse').changed).toBe(false);
  });

  it('stays editable once the démarche is published', () => {
    const publiee = publier(demarche().demarche, 'aide-jardins', now);
    const edited = personnaliserMail(publiee, 'dossier_accepte', {
      subject: 'Oui',
      body: '--Nom du jardin--',
    });
    expect(edited.demarche.mailTemplates).toHaveLength(1);
  });

  it('refuses to publish while a template uses the balise of a champ renamed since', () => {
    const { demarche: d, champId } = demarche();
    const custom = personnaliserMail(d, 'dossier_depose', { subject: 'Reçu', body: '--Nom du jardin--' });
    const renamed = modifierChamp(custom.demarche, 'champs', champId, { label: 'Nom du verger' }).demarche;
    expect(invalid(() => publier(renamed, 'aide-jardins', now))).toMatchObject({
      code: DemarcheErrorCode.DEMARCHE_INCOMPLETE,
      details: {
        missing: [
          {
            step: 'mail_template',
            message: "un modèle d'e-mail « dossier_depose » sans balise inconnue (--Nom du jardin--)",
          },
        ],
      },
    });
  });
});
