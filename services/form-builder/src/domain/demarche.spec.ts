import { DemarcheErrorCode } from '../demarche.exception';
import { ajouterInstructeur, assertAdministrateur, nouvelleDemarche } from './demarche';
import { ajouterChamp } from './formulaire';
import { publier, validerSlug } from './publication';

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
  return ajouterInstructeur(demarche, 'instructeur@exemple.fr');
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
  it('publishes at a readable slug and freezes the form', () => {
    const publiee = publier(publiable(), 'Aide-Aux-Projets', now);
    expect(publiee).toMatchObject({ state: 'publiee', slug: 'aide-aux-projets', publishedAt: now });
    expect(() =>
      ajouterChamp(publiee, 'champs', {
        type: 'text',
        label: 'Encore',
        description: '',
        mandatory: false,
        options: [],
      }),
    ).toThrow(expect.objectContaining({ code: DemarcheErrorCode.DEMARCHE_FROZEN }));
  });

  it('lists everything that is missing before a démarche can be published', () => {
    expect(() => publier(brouillon(), 'aide', now)).toThrow(
      expect.objectContaining({
        code: DemarcheErrorCode.DEMARCHE_INCOMPLETE,
        details: { manques: ['au moins un champ à remplir', 'au moins un instructeur'] },
      }),
    );
  });

  it.each(['a', 'aide aux projets', 'aide--projets', 'aïde', '-aide'])('refuses the slug %p', (slug) => {
    expect(() => validerSlug(slug)).toThrow(
      expect.objectContaining({ code: DemarcheErrorCode.SLUG_INVALID }),
    );
  });

  it('refuses to publish twice', () => {
    const publiee = publier(publiable(), 'aide', now);
    expect(() => publier(publiee, 'aide', now)).toThrow(
      expect.objectContaining({ code: DemarcheErrorCode.DEMARCHE_ALREADY_PUBLISHED }),
    );
  });
});
