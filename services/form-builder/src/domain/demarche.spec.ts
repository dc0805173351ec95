import { DemarcheErrorCode } from '../demarche.exception';
import { ajouterInstructeur, assertAdministrateur, nouvelleDemarche } from './demarche';
import { ajouterChamp } from './formulaire';
import { publier, validerSlug } from './publication';
import { pretePourPublication } from '../testing/in-memory-demarche.repository';

const now = new Date('2026-11-27T10:00:00Z');
const brouillon = () =>
  nouvelleDemarche({
    number: 1,
    title: ' Aide ',
    description: 'desc',
    administrateur: 'Admin@Exemple.fr',
    now,
  });

function publiable() {
  const { demarche } = ajouterChamp(brouillon(), 'champs', {
    type: 'text',
    label: 'Nom du projet',
    description: '',
    mandatory: true,
    options: [],
  });
  return pretePourPublication(ajouterInstructeur(demarche, 'instructeur@exemple.fr'));
}

describe('démarche', () => {
  it('starts en test (brouillon) with a default groupe instructeur and a normalised administrateur', () => {
    const demarche = brouillon();
    expect(demarche.state).toBe('brouillon');
    expect(demarche.title).toBe('Aide');
    expect(demarche.administrateurs).toEqual(['admin@exemple.fr']);
    expect(demarche.groupesInstructeurs).toHaveLength(1);
  });

  it('hides a démarche from someone who does not administer it', () => {
    expect(() => assertAdministrateur(brouillon(), 'autre@exemple.fr')).toThrow(
      expect.objectContaining({ code: DemarcheErrorCode.DEMARCHE_NOT_FOUND }),
    );
    expect(() => assertAdministrateur(brouillon(), 'ADMIN@exemple.fr')).not.toThrow();
  });

  it('refuses a mandatory champ that cannot hold a value', () => {
    expect(() =>
      ajouterChamp(brouillon(), 'champs', {
        type: 'header_section',
        label: 'Titre',
        description: '',
        mandatory: true,
        options: [],
      }),
    ).toThrow(expect.objectContaining({ code: DemarcheErrorCode.CHAMP_INVALID }));
  });

  it('adds an instructeur once, whatever the case of the e-mail', () => {
    const demarche = ajouterInstructeur(ajouterInstructeur(brouillon(), 'I@exemple.fr'), 'i@exemple.fr');
    expect(demarche.groupesInstructeurs[0].instructeurs).toEqual(['i@exemple.fr']);
  });
});

describe('publication', () => {
  it('publishes at a readable slug as revision 1 and keeps editing on the next draft', () => {
    const publiee = publier(publiable(), { slug: 'Aide-Aux-Projets' }, now);
    expect(publiee).toMatchObject({
      state: 'publiee',
      slug: 'aide-aux-projets',
      publishedAt: now,
      revisionNumber: 1,
    });
    expect(publiee.revisionPubliee).toMatchObject({ number: 1, champs: publiee.champs });
    const suite = ajouterChamp(publiee, 'champs', {
      type: 'text',
      label: 'Encore',
      description: '',
      mandatory: false,
      options: [],
    }).demarche;
    expect(suite.champs).toHaveLength(2);
    expect(suite.revisionPubliee?.champs).toHaveLength(1);
    expect(suite.revisionId).not.toBe(publiee.revisionPubliee?.id);
  });

  it('lists every missing step before a démarche can be published, in one error', () => {
    const error = (() => {
      try {
        publier(brouillon(), 'aide', now);
      } catch (e) {
        return e as { code: string; details: { missing: { step: string }[] } };
      }
      throw new Error('published');
    })();
    expect(error.code).toBe(DemarcheErrorCode.DEMARCHE_INCOMPLETE);
    expect(error.details.missing.map((m) => m.step)).toEqual([
      'champ',
      'instructeur',
      'service',
      'cadre_juridique',
      'lien_diffusion',
    ]);
  });

  it('takes the lien de diffusion given at publication, and accepts a cadre juridique given as a link only', () => {
    const demarche = {
      ...publiable(),
      lienDiffusion: null,
      cadreJuridique: { texte: '', url: 'https://www.legifrance.gouv.fr/x', document: null },
    };
    expect(publier(demarche, { slug: 'aide', lienDiffusion: 'par mail' }, now).lienDiffusion).toBe(
      'par mail',
    );
  });

  it('refuses a date limite de dépôt already passed', () => {
    const demarche = { ...publiable(), dateLimiteDepot: new Date('2026-11-01T00:00:00Z') };
    expect(() => publier(demarche, 'aide', now)).toThrow(
      expect.objectContaining({ details: { missing: [expect.objectContaining({ step: 'date_limite' })] } }),
    );
  });

  it.each(['a', 'aide aux projets', 'aide--projets', 'aïde', '-aide'])('refuses the slug %p', (slug) => {
    expect(() => validerSlug(slug)).toThrow(
      expect.objectContaining({ code: DemarcheErrorCode.SLUG_INVALID }),
    );
  });

  it('refuses to publish again when nothing changed, and publishes a new revision when the draft changed', () => {
    const publiee = publier(publiable(), 'aide', now);
    expect(() => publier(publiee, 'aide', now)).toThrow(
      expect.objectContaining({ code: DemarcheErrorCode.DEMARCHE_ALREADY_PUBLISHED }),
    );
    const modifiee = ajouterChamp(publiee, 'champs', {
      type: 'email',
      label: 'Courriel',
      description: '',
      mandatory: false,
      options: [],
    }).demarche;
    const v2 = publier(modifiee, 'aide', now);
    expect(v2.revisionNumber).toBe(2);
    expect(v2.revisionPubliee?.champs.map((c) => c.label)).toEqual(['Nom du projet', 'Courriel']);
  });

  it('refuses a new revision deleting or retyping a published champ, naming each', () => {
    const publiee = publier(publiable(), 'aide', now);
    const [nom] = publiee.champs;
    const retypee = { ...publiee, champs: [{ ...nom, type: 'textarea' as const }] };
    const supprimee = { ...publiee, champs: [{ ...nom, id: 'autre' }] };
    expect(() => publier(retypee, 'aide', now)).toThrow(
      expect.objectContaining({
        details: {
          missing: [
            {
              step: 'revision',
              message: 'le champ publié « Nom du projet » ne peut pas changer de type : rétablissez son type',
            },
          ],
        },
      }),
    );
    expect(() => publier(supprimee, 'aide', now)).toThrow(
      expect.objectContaining({ details: { missing: [expect.objectContaining({ step: 'revision' })] } }),
    );
  });
});
