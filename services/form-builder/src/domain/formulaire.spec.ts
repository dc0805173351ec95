import { DemarcheErrorCode } from '../demarche.exception';
import { definirCondition } from './conditions';
import { ajouterInstructeur, nouvelleDemarche } from './demarche';
import { ajouterChamp, deplacerChamp, modifierChamp, NouveauChamp, supprimerChamp } from './formulaire';
import { publier } from './publication';
import { pretePourPublication } from '../testing/in-memory-demarche.repository';

const now = new Date('2026-11-27T10:00:00Z');
const champ = (label: string, extra: Partial<NouveauChamp> = {}): NouveauChamp => ({
  type: 'text',
  label,
  description: '',
  mandatory: false,
  options: [],
  ...extra,
});

function avecTroisChamps() {
  let demarche = nouvelleDemarche({
    number: 1,
    title: 'Aide',
    description: '',
    administrateur: 'a@x.fr',
    now,
  });
  const ids: string[] = [];
  for (const label of ['Nom', 'Adresse', 'Budget']) {
    const edition = ajouterChamp(demarche, 'champs', champ(label));
    demarche = edition.demarche;
    ids.push(edition.result.id);
  }
  return { demarche, ids };
}

describe('form editing', () => {
  it('changes a champ in place, keeping its id and validating the result', () => {
    const { demarche, ids } = avecTroisChamps();
    const { demarche: edited, result } = modifierChamp(demarche, 'champs', ids[1], {
      type: 'drop_down_list',
      options: ['Paris', 'Lyon'],
      mandatory: true,
    });
    expect(result).toMatchObject({
      id: ids[1],
      label: 'Adresse',
      type: 'drop_down_list',
      options: ['Paris', 'Lyon'],
    });
    expect(edited.champs.map((c) => c.id)).toEqual(ids);
    expect(() => modifierChamp(demarche, 'champs', ids[1], { type: 'drop_down_list' })).toThrow(
      expect.objectContaining({ code: DemarcheErrorCode.CHAMP_INVALID }),
    );
  });

  it('moves a champ up or down and leaves it at either end', () => {
    const { demarche, ids } = avecTroisChamps();
    expect(deplacerChamp(demarche, 'champs', ids[2], 'haut').result).toEqual([ids[0], ids[2], ids[1]]);
    expect(deplacerChamp(demarche, 'champs', ids[0], 'bas').result).toEqual([ids[1], ids[0], ids[2]]);
    expect(deplacerChamp(demarche, 'champs', ids[0], 'haut').result).toEqual(ids);
    expect(deplacerChamp(demarche, 'champs', ids[2], 'bas').result).toEqual(ids);
  });

  it('deletes a champ, and answers "not found" for an unknown one', () => {
    const { demarche, ids } = avecTroisChamps();
    expect(supprimerChamp(demarche, 'champs', ids[1]).result).toEqual([ids[0], ids[2]]);
    expect(() => supprimerChamp(demarche, 'champs', 'inconnu')).toThrow(
      expect.objectContaining({ code: DemarcheErrorCode.CHAMP_NOT_FOUND }),
    );
  });

  it('keeps annotations privées apart from the usager’s form', () => {
    const { demarche } = avecTroisChamps();
    const { demarche: annotee, result } = ajouterChamp(
      demarche,
      'annotations',
      champ('Avis du service', { type: 'textarea' }),
    );
    expect(annotee.annotations.map((a) => a.id)).toEqual([result.id]);
    expect(annotee.champs).toHaveLength(3);
    expect(() => modifierChamp(annotee, 'champs', result.id, { label: 'x' })).toThrow(
      expect.objectContaining({ code: DemarcheErrorCode.CHAMP_NOT_FOUND }),
    );
  });

  it('edits the draft of the next revision once published, leaving the published revision frozen', () => {
    const { demarche, ids } = avecTroisChamps();
    const publiee = publier(pretePourPublication(ajouterInstructeur(demarche, 'i@x.fr')), 'aide', now);
    const annotee = ajouterChamp(publiee, 'annotations', champ('Note')).demarche;
    const renommee = modifierChamp(annotee, 'champs', ids[0], { label: 'x' }).demarche;
    const deplacee = deplacerChamp(renommee, 'champs', ids[0], 'bas').demarche;
    expect(deplacee.champs.map((c) => c.id)).toEqual([ids[1], ids[0], ids[2]]);
    expect(deplacee.annotations).toHaveLength(1);
    expect(deplacee.revisionPubliee?.champs.map((c) => c.label)).toEqual(publiee.champs.map((c) => c.label));
    expect(deplacee.revisionPubliee?.annotations).toEqual([]);
    expect(supprimerChamp(deplacee, 'champs', ids[0]).demarche.champs).toHaveLength(2);
  });
});

describe('blocs répétables', () => {
  function errorOf(fn: () => unknown): { code: string; details: Record<string, unknown>; message: string } {
    try {
      fn();
    } catch (error) {
      return error as { code: string; details: Record<string, unknown>; message: string };
    }
    throw new Error('expected a refusal');
  }

  /** Nom ; bloc « Enfants » [Prénom, Âge, Scolarisé ?] ; Commentaire. */
  function avecBloc() {
    let demarche = nouvelleDemarche({
      number: 1,
      title: 'Aide',
      description: '',
      administrateur: 'a@x.fr',
      now,
    });
    const add = (nouveau: NouveauChamp, parentId: string | null = null) => {
      const edition = ajouterChamp(demarche, 'champs', nouveau, parentId);
      demarche = edition.demarche;
      return edition.result.id;
    };
    const nom = add(champ('Nom', { type: 'yes_no' }));
    const bloc = add(champ('Enfants', { type: 'repetition', mandatory: true }));
    const prenom = add(champ('Prénom', { mandatory: true }), bloc);
    const age = add(champ('Âge', { type: 'integer_number', settings: { min: 0, max: 25 } }), bloc);
    const scolarise = add(champ('Scolarisé ?', { type: 'yes_no' }), bloc);
    const commentaire = add(champ('Commentaire'));
    return { demarche: () => demarche, ids: { nom, bloc, prenom, age, scolarise, commentaire } };
  }

  it('adds children to a bloc, with their settings, and keeps them out of the top of the form', () => {
    const { demarche, ids } = avecBloc();
    const d = demarche();
    expect(d.champs.map((c) => c.id)).toEqual([ids.nom, ids.bloc, ids.commentaire]);
    const bloc = d.champs[1];
    expect(bloc.children?.map((c) => c.label)).toEqual(['Prénom', 'Âge', 'Scolarisé ?']);
    expect(bloc.children?.[1].settings).toEqual({ min: 0, max: 25 });
    expect(d.champs[0].children).toBeUndefined();
    const titre = ajouterChamp(d, 'champs', champ('Identité', { type: 'header_section' }), ids.bloc);
    const aide = ajouterChamp(titre.demarche, 'champs', champ('Aide', { type: 'explication' }), ids.bloc);
    expect(aide.demarche.champs[1].children?.map((c) => c.type)).toEqual([
      'text',
      'integer_number',
      'yes_no',
      'header_section',
      'explication',
    ]);
  });

  it('refuses a bloc inside a bloc, and children anywhere but in a bloc', () => {
    const { demarche, ids } = avecBloc();
    const nested = errorOf(() =>
      ajouterChamp(demarche(), 'champs', champ('Petits-enfants', { type: 'repetition' }), ids.bloc),
    );
    expect(nested).toMatchObject({
      code: DemarcheErrorCode.REPETITION_NESTED,
      details: { parentId: ids.bloc },
    });
    expect(nested.message).toContain('« Enfants »');
    expect(errorOf(() => modifierChamp(demarche(), 'champs', ids.age, { type: 'repetition' })).code).toBe(
      DemarcheErrorCode.REPETITION_NESTED,
    );
    expect(errorOf(() => ajouterChamp(demarche(), 'champs', champ('X'), ids.nom))).toMatchObject({
      code: DemarcheErrorCode.CHAMP_INVALID,
      details: { parentId: ids.nom },
    });
    expect(errorOf(() => ajouterChamp(demarche(), 'champs', champ('X'), ids.prenom)).code).toBe(
      DemarcheErrorCode.CHAMP_INVALID,
    );
    expect(errorOf(() => ajouterChamp(demarche(), 'champs', champ('X'), 'inconnu')).code).toBe(
      DemarcheErrorCode.CHAMP_NOT_FOUND,
    );
    // A bloc keeps its children: it cannot become another type while it has some.
    expect(errorOf(() => modifierChamp(demarche(), 'champs', ids.bloc, { type: 'text' })).code).toBe(
      DemarcheErrorCode.CHAMP_INVALID,
    );
  });

  it('edits, moves within the bloc and deletes a child through its own id', () => {
    const { demarche, ids } = avecBloc();
    const renomme = modifierChamp(demarche(), 'champs', ids.prenom, { label: ' Prénom usuel ' });
    expect(renomme.result).toMatchObject({ id: ids.prenom, label: 'Prénom usuel', mandatory: true });
    expect(renomme.demarche.champs[1].children?.[0].label).toBe('Prénom usuel');
    expect(deplacerChamp(demarche(), 'champs', ids.scolarise, 'haut').result).toEqual([
      ids.prenom,
      ids.scolarise,
      ids.age,
    ]);
    expect(deplacerChamp(demarche(), 'champs', ids.prenom, 'haut').result).toEqual([
      ids.prenom,
      ids.age,
      ids.scolarise,
    ]);
    const supprime = supprimerChamp(demarche(), 'champs', ids.age);
    expect(supprime.result).toEqual([ids.prenom, ids.scolarise]);
    expect(supprime.demarche.champs.map((c) => c.id)).toEqual([ids.nom, ids.bloc, ids.commentaire]);
    expect(supprimerChamp(demarche(), 'champs', ids.bloc).demarche.champs.map((c) => c.id)).toEqual([
      ids.nom,
      ids.commentaire,
    ]);
  });

  it('validates settings when a child is saved, and resets them when its type changes', () => {
    const { demarche, ids } = avecBloc();
    expect(
      errorOf(() => modifierChamp(demarche(), 'champs', ids.age, { settings: { min: 0, pas: 2 } })),
    ).toMatchObject({ code: DemarcheErrorCode.CHAMP_SETTING_UNKNOWN, details: { key: 'pas' } });
    const decimal = modifierChamp(demarche(), 'champs', ids.age, { type: 'decimal_number' });
    expect(decimal.result.settings).toBeUndefined();
    const texte = modifierChamp(demarche(), 'champs', ids.prenom, {
      type: 'formatted',
      settings: { maxLength: 30 },
    });
    expect(texte.result.settings).toEqual({ maxLength: 30 });
    expect(
      modifierChamp(texte.demarche, 'champs', ids.prenom, { settings: {} }).result.settings,
    ).toBeUndefined();
  });

  it('lets a child test its earlier siblings and the champs before its bloc, nothing else', () => {
    const { demarche, ids } = avecBloc();
    const { demarche: conditionnee } = definirCondition(demarche(), 'champs', ids.scolarise, {
      all: [
        { champId: ids.nom, operator: 'equals', value: 'true' },
        { champId: ids.age, operator: 'greater_or_equal', value: '3' },
      ],
    });
    expect(conditionnee.champs[1].children?.[2].condition).toBeTruthy();
    const refus = (champId: string, tested: string) =>
      errorOf(() =>
        definirCondition(demarche(), 'champs', champId, {
          champId: tested,
          operator: 'is_not_empty',
          value: '',
        }),
      ).code;
    expect(refus(ids.prenom, ids.age)).toBe(DemarcheErrorCode.CONDITION_INVALID);
    expect(refus(ids.prenom, ids.commentaire)).toBe(DemarcheErrorCode.CONDITION_INVALID);
    // A row's values are not values of the form: a champ after the bloc tests neither them nor the bloc.
    expect(refus(ids.commentaire, ids.age)).toBe(DemarcheErrorCode.CONDITION_INVALID);
    expect(refus(ids.commentaire, ids.bloc)).toBe(DemarcheErrorCode.CONDITION_INVALID);
  });

  it('refuses moves, changes and deletions that break a child’s condition', () => {
    const { demarche, ids } = avecBloc();
    const d = definirCondition(demarche(), 'champs', ids.scolarise, {
      all: [
        { champId: ids.nom, operator: 'equals', value: 'true' },
        { champId: ids.age, operator: 'greater_or_equal', value: '3' },
      ],
    }).demarche;
    const dependance = errorOf(() => supprimerChamp(d, 'champs', ids.age));
    expect(dependance.code).toBe(DemarcheErrorCode.CHAMP_DEPENDANCE);
    expect(dependance.message).toContain('« Scolarisé ? »');
    expect(errorOf(() => deplacerChamp(d, 'champs', ids.age, 'bas')).code).toBe(
      DemarcheErrorCode.CHAMP_DEPENDANCE,
    );
    expect(errorOf(() => supprimerChamp(d, 'champs', ids.nom)).code).toBe(DemarcheErrorCode.CHAMP_DEPENDANCE);
    // Below the bloc, « Nom » would come after the child that tests it.
    expect(errorOf(() => deplacerChamp(d, 'champs', ids.nom, 'bas')).code).toBe(
      DemarcheErrorCode.CHAMP_DEPENDANCE,
    );
    expect(errorOf(() => modifierChamp(d, 'champs', ids.age, { type: 'text' })).code).toBe(
      DemarcheErrorCode.CHAMP_DEPENDANCE,
    );
    // The bloc goes with its children and their conditions: nothing outside a bloc can depend on it.
    expect(supprimerChamp(d, 'champs', ids.bloc).demarche.champs.map((c) => c.id)).toEqual([
      ids.nom,
      ids.commentaire,
    ]);
    // Once the dependant condition is removed, the tested child may go.
    const libre = definirCondition(d, 'champs', ids.scolarise, null).demarche;
    expect(supprimerChamp(libre, 'champs', ids.age).result).toEqual([ids.prenom, ids.scolarise]);
  });

  it('builds blocs in the annotations privées the same way', () => {
    const { demarche } = avecBloc();
    const bloc = ajouterChamp(demarche(), 'annotations', champ('Visites', { type: 'repetition' }));
    const date = ajouterChamp(bloc.demarche, 'annotations', champ('Date', { type: 'date' }), bloc.result.id);
    expect(date.demarche.annotations[0].children?.map((c) => c.id)).toEqual([date.result.id]);
    expect(() => ajouterChamp(date.demarche, 'champs', champ('X'), bloc.result.id)).toThrow(
      expect.objectContaining({ code: DemarcheErrorCode.CHAMP_NOT_FOUND }),
    );
    expect(
      errorOf(() =>
        ajouterChamp(date.demarche, 'annotations', champ('Sous', { type: 'repetition' }), bloc.result.id),
      ).code,
    ).toBe(DemarcheErrorCode.REPETITION_NESTED);
  });

  it('publishes blocs with a champ to fill only, and never deletes nor retypes a published child', () => {
    const { demarche, ids } = avecBloc();
    const prete = pretePourPublication(ajouterInstructeur(demarche(), 'i@x.fr'));
    const vide = ajouterChamp(prete, 'champs', champ('Vide', { type: 'repetition' }));
    const sansChamp = errorOf(() => publier(vide.demarche, 'aide', now));
    expect(sansChamp.code).toBe(DemarcheErrorCode.DEMARCHE_INCOMPLETE);
    expect(sansChamp.message).toContain('bloc répétable « Vide »');
    const publiee = publier(prete, 'aide', now);
    expect(publiee.revisionPubliee?.champs[1].children).toHaveLength(3);
    const sansAge = supprimerChamp(publiee, 'champs', ids.age).demarche;
    const refus = errorOf(() => publier(sansAge, 'aide', now));
    expect(refus.code).toBe(DemarcheErrorCode.DEMARCHE_INCOMPLETE);
    expect(refus.message).toContain('« Âge » ne peut pas être supprimé');
    const retype = modifierChamp(publiee, 'champs', ids.prenom, { type: 'textarea' }).demarche;
    expect(errorOf(() => publier(retype, 'aide', now)).message).toContain(
      '« Prénom » ne peut pas changer de type',
    );
    const ajout = ajouterChamp(publiee, 'champs', champ('Classe'), ids.bloc).demarche;
    expect(publier(ajout, 'aide', now).revisionPubliee?.champs[1].children).toHaveLength(4);
  });
});
