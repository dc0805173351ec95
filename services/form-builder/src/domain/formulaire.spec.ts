import { demarcheDeTest, nouveauChamp as champ } from '../testing/champ-fixtures';
import { DemarcheErrorCode } from '../demarche.exception';
import { definirCondition } from './conditions';
import { ajouterInstructeur, Demarche } from './demarche';
import {
  ajouterChamp,
  deplacer,
  deplacerChamp,
  deplacerChampVers,
  modifierChamp,
  NouveauChamp,
  supprimerChamp,
} from './formulaire';
import { definirRegle, routerParChamp } from './routage';
import { publier } from './publication';
import { pretePourPublication } from '../testing/in-memory-demarche.repository';

const now = new Date('2026-11-27T10:00:00Z');
function avecTroisChamps() {
  let demarche = demarcheDeTest([], now);
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
    let demarche = demarcheDeTest([], now);
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

describe('moving a champ to a position, into and out of blocs répétables', () => {
  function errorOf(fn: () => unknown): { code: string; details: Record<string, unknown>; message: string } {
    try {
      fn();
    } catch (error) {
      return error as { code: string; details: Record<string, unknown>; message: string };
    }
    throw new Error('expected a refusal');
  }

  /** Nom ; Ville ; bloc « Enfants » [Prénom, Âge, Scolarisé ?] ; bloc « Véhicules » [Marque] ; Commentaire. */
  function formulaire() {
    let demarche = demarcheDeTest([], now);
    const add = (nouveau: NouveauChamp, parentId: string | null = null) => {
      const edition = ajouterChamp(demarche, 'champs', nouveau, parentId);
      demarche = edition.demarche;
      return edition.result.id;
    };
    const nom = add(champ('Nom', { type: 'yes_no' }));
    const ville = add(champ('Ville', { type: 'drop_down_list', options: ['Paris', 'Lyon'] }));
    const enfants = add(champ('Enfants', { type: 'repetition' }));
    const prenom = add(champ('Prénom'), enfants);
    const age = add(champ('Âge', { type: 'integer_number' }), enfants);
    const scolarise = add(champ('Scolarisé ?', { type: 'yes_no' }), enfants);
    const vehicules = add(champ('Véhicules', { type: 'repetition' }));
    const marque = add(champ('Marque'), vehicules);
    const commentaire = add(champ('Commentaire'));
    return {
      demarche,
      ids: { nom, ville, enfants, prenom, age, scolarise, vehicules, marque, commentaire },
    };
  }
  const top = (d: Demarche) => d.champs.map((c) => c.id);
  const enfantsDe = (d: Demarche, blocId: string) =>
    (d.champs.find((c) => c.id === blocId)?.children ?? []).map((c) => c.id);

  it('reorders the top of the form or a bloc to any position', () => {
    const { demarche, ids } = formulaire();
    const premier = deplacerChampVers(demarche, 'champs', ids.commentaire, { parentId: null, position: 0 });
    expect(premier.result).toEqual({
      parentId: null,
      ordre: [ids.commentaire, ids.nom, ids.ville, ids.enfants, ids.vehicules],
    });
    expect(top(premier.demarche)).toEqual(premier.result.ordre);
    const dernier = deplacerChampVers(demarche, 'champs', ids.nom, { parentId: null, position: 4 });
    expect(dernier.result.ordre).toEqual([ids.ville, ids.enfants, ids.vehicules, ids.commentaire, ids.nom]);
    // A bloc moves with its children.
    const bloc = deplacerChampVers(demarche, 'champs', ids.vehicules, { parentId: null, position: 1 });
    expect(bloc.result.ordre).toEqual([ids.nom, ids.vehicules, ids.ville, ids.enfants, ids.commentaire]);
    expect(enfantsDe(bloc.demarche, ids.vehicules)).toEqual([ids.marque]);
    const enfant = deplacerChampVers(demarche, 'champs', ids.prenom, { parentId: ids.enfants, position: 2 });
    expect(enfant.result).toEqual({ parentId: ids.enfants, ordre: [ids.age, ids.scolarise, ids.prenom] });
    expect(top(enfant.demarche)).toEqual(top(demarche));
    // To its own place: nothing changes.
    const surPlace = deplacerChampVers(demarche, 'champs', ids.ville, { parentId: null, position: 1 });
    expect(surPlace.demarche.champs).toEqual(demarche.champs);
  });

  it('moves a champ into a bloc, out of a bloc and from one bloc to another', () => {
    const { demarche, ids } = formulaire();
    const dedans = deplacerChampVers(demarche, 'champs', ids.commentaire, {
      parentId: ids.enfants,
      position: 1,
    });
    expect(dedans.result).toEqual({
      parentId: ids.enfants,
      ordre: [ids.prenom, ids.commentaire, ids.age, ids.scolarise],
    });
    expect(top(dedans.demarche)).toEqual([ids.nom, ids.ville, ids.enfants, ids.vehicules]);
    const enFin = deplacerChampVers(demarche, 'champs', ids.nom, { parentId: ids.vehicules, position: 1 });
    expect(enFin.result.ordre).toEqual([ids.marque, ids.nom]);

    const dehors = deplacerChampVers(demarche, 'champs', ids.age, { parentId: null, position: 5 });
    expect(dehors.result).toEqual({
      parentId: null,
      ordre: [ids.nom, ids.ville, ids.enfants, ids.vehicules, ids.commentaire, ids.age],
    });
    expect(enfantsDe(dehors.demarche, ids.enfants)).toEqual([ids.prenom, ids.scolarise]);
    expect(dehors.demarche.champs[5]).toMatchObject({ id: ids.age, label: 'Âge', type: 'integer_number' });
    expect(dehors.demarche.champs[5].children).toBeUndefined();

    const autreBloc = deplacerChampVers(demarche, 'champs', ids.scolarise, {
      parentId: ids.vehicules,
      position: 0,
    });
    expect(autreBloc.result).toEqual({ parentId: ids.vehicules, ordre: [ids.scolarise, ids.marque] });
    expect(enfantsDe(autreBloc.demarche, ids.enfants)).toEqual([ids.prenom, ids.age]);
    // The last child may leave: the bloc stays, empty (publication then asks for a champ in it).
    const vide = deplacerChampVers(demarche, 'champs', ids.marque, { parentId: null, position: 0 });
    expect(enfantsDe(vide.demarche, ids.vehicules)).toEqual([]);
  });

  it('answers the champ’s list for the arrows too', () => {
    const { demarche, ids } = formulaire();
    expect(deplacer(demarche, 'champs', ids.age, { direction: 'haut' }).result).toEqual({
      parentId: ids.enfants,
      ordre: [ids.age, ids.prenom, ids.scolarise],
    });
    expect(deplacer(demarche, 'champs', ids.commentaire, { direction: 'bas' }).result).toEqual({
      parentId: null,
      ordre: top(demarche),
    });
    expect(deplacer(demarche, 'champs', ids.ville, { parentId: ids.enfants, position: 3 }).result).toEqual({
      parentId: ids.enfants,
      ordre: [ids.prenom, ids.age, ids.scolarise, ids.ville],
    });
  });

  it('refuses an unknown champ or destination, a destination that is not a bloc, and positions out of the list', () => {
    const { demarche, ids } = formulaire();
    const vers = (champId: string, parentId: string | null, position: number) =>
      errorOf(() => deplacerChampVers(demarche, 'champs', champId, { parentId, position }));
    expect(vers('inconnu', null, 0).code).toBe(DemarcheErrorCode.CHAMP_NOT_FOUND);
    expect(vers(ids.nom, 'inconnu', 0).code).toBe(DemarcheErrorCode.CHAMP_NOT_FOUND);
    expect(vers(ids.nom, ids.ville, 0)).toMatchObject({
      code: DemarcheErrorCode.CHAMP_INVALID,
      details: { parentId: ids.ville },
    });
    expect(vers(ids.nom, ids.prenom, 0).code).toBe(DemarcheErrorCode.CHAMP_INVALID);
    const loin = vers(ids.nom, null, 5);
    expect(loin).toMatchObject({
      code: DemarcheErrorCode.CHAMP_INVALID,
      details: { position: 5, positionMax: 4 },
    });
    expect(loin.message).toContain('de 0 à 4');
    expect(vers(ids.nom, ids.vehicules, 2)).toMatchObject({
      code: DemarcheErrorCode.CHAMP_INVALID,
      details: { positionMax: 1 },
    });
    expect(vers(ids.prenom, ids.enfants, 3).code).toBe(DemarcheErrorCode.CHAMP_INVALID);
    expect(vers(ids.nom, null, -1).code).toBe(DemarcheErrorCode.CHAMP_INVALID);
    expect(vers(ids.nom, null, 1.5).code).toBe(DemarcheErrorCode.CHAMP_INVALID);
    // Annotations and champs are two forms: a champ never moves into a bloc of the other one.
    const annotations = ajouterChamp(demarche, 'annotations', champ('Visites', { type: 'repetition' }));
    expect(
      errorOf(() =>
        deplacerChampVers(annotations.demarche, 'champs', ids.nom, {
          parentId: annotations.result.id,
          position: 0,
        }),
      ).code,
    ).toBe(DemarcheErrorCode.CHAMP_NOT_FOUND);
  });

  it('refuses a bloc répétable inside a bloc, itself included', () => {
    const { demarche, ids } = formulaire();
    const dans = errorOf(() =>
      deplacerChampVers(demarche, 'champs', ids.vehicules, { parentId: ids.enfants, position: 0 }),
    );
    expect(dans).toMatchObject({
      code: DemarcheErrorCode.REPETITION_NESTED,
      details: { champId: ids.vehicules, parentId: ids.enfants },
    });
    expect(dans.message).toContain('« Véhicules »');
    expect(
      errorOf(() =>
        deplacerChampVers(demarche, 'champs', ids.vehicules, { parentId: ids.vehicules, position: 0 }),
      ).code,
    ).toBe(DemarcheErrorCode.REPETITION_NESTED);
  });

  it('refuses a move that leaves a condition testing a champ not before it, naming the dependants', () => {
    const { demarche, ids } = formulaire();
    let d = definirCondition(demarche, 'champs', ids.commentaire, {
      champId: ids.ville,
      operator: 'equals',
      value: 'Paris',
    }).demarche;
    d = definirCondition(d, 'champs', ids.scolarise, {
      all: [
        { champId: ids.nom, operator: 'equals', value: 'true' },
        { champId: ids.age, operator: 'greater_or_equal', value: '3' },
      ],
    }).demarche;

    // « Ville » in a bloc: its values are per row, « Commentaire » cannot test it any more.
    const dansBloc = errorOf(() =>
      deplacerChampVers(d, 'champs', ids.ville, { parentId: ids.vehicules, position: 0 }),
    );
    expect(dansBloc.code).toBe(DemarcheErrorCode.CHAMP_DEPENDANCE);
    expect(dansBloc.message).toContain('la condition du champ « Commentaire »');
    expect(dansBloc.details).toMatchObject({
      champId: ids.ville,
      dependants: [{ cle: `champs:${ids.commentaire}` }],
    });
    // Below its dependant.
    expect(
      errorOf(() => deplacerChampVers(d, 'champs', ids.ville, { parentId: null, position: 4 })).code,
    ).toBe(DemarcheErrorCode.CHAMP_DEPENDANCE);
    // The dependant above the champ it tests: its own condition breaks.
    const propre = errorOf(() =>
      deplacerChampVers(d, 'champs', ids.commentaire, { parentId: null, position: 0 }),
    );
    expect(propre.code).toBe(DemarcheErrorCode.CHAMP_DEPENDANCE);
    expect(propre.message).toContain('ne peut pas être déplacé à cet endroit');
    expect(propre.details).toMatchObject({ dependants: [{ cle: `champs:${ids.commentaire}` }] });
    // « Âge » after « Scolarisé ? » in its bloc, or out of the bloc (after it, or before it: a row value it is not).
    for (const destination of [
      { parentId: ids.enfants, position: 2 },
      { parentId: null, position: 5 },
      { parentId: ids.vehicules, position: 0 },
    ]) {
      const refus = errorOf(() => deplacerChampVers(d, 'champs', ids.age, destination));
      expect(refus.code).toBe(DemarcheErrorCode.CHAMP_DEPENDANCE);
      expect(refus.message).toContain('« Scolarisé ? »');
    }
    // « Scolarisé ? » out of its bloc: its own condition tests its former sibling « Âge ».
    expect(
      errorOf(() => deplacerChampVers(d, 'champs', ids.scolarise, { parentId: null, position: 5 })).code,
    ).toBe(DemarcheErrorCode.CHAMP_DEPENDANCE);
    // The bloc above « Nom », which its child tests.
    const bloc = errorOf(() => deplacerChampVers(d, 'champs', ids.enfants, { parentId: null, position: 0 }));
    expect(bloc.code).toBe(DemarcheErrorCode.CHAMP_DEPENDANCE);
    expect(bloc.message).toContain('la condition du champ « Scolarisé ? »');
    // « Nom » into a bloc: the child of another bloc tested it.
    expect(
      errorOf(() => deplacerChampVers(d, 'champs', ids.nom, { parentId: ids.vehicules, position: 0 })).code,
    ).toBe(DemarcheErrorCode.CHAMP_DEPENDANCE);
  });

  it('accepts the moves that keep every tested champ before its dependants', () => {
    const { demarche, ids } = formulaire();
    let d = definirCondition(demarche, 'champs', ids.scolarise, {
      champId: ids.age,
      operator: 'greater_or_equal',
      value: '3',
    }).demarche;
    d = definirCondition(d, 'champs', ids.commentaire, {
      champId: ids.nom,
      operator: 'equals',
      value: 'true',
    }).demarche;
    // « Âge » leaves the bloc for the top of the form, before the bloc: its sibling still tests a champ before it.
    const avantBloc = deplacerChampVers(d, 'champs', ids.age, { parentId: null, position: 2 });
    expect(avantBloc.result.ordre).toEqual([
      ids.nom,
      ids.ville,
      ids.age,
      ids.enfants,
      ids.vehicules,
      ids.commentaire,
    ]);
    // « Nom » moves down but stays before « Commentaire »; « Commentaire » goes into a bloc after « Nom ».
    expect(deplacerChampVers(d, 'champs', ids.nom, { parentId: null, position: 3 }).result.ordre).toEqual([
      ids.ville,
      ids.enfants,
      ids.vehicules,
      ids.nom,
      ids.commentaire,
    ]);
    expect(
      deplacerChampVers(d, 'champs', ids.commentaire, { parentId: ids.vehicules, position: 0 }).result.ordre,
    ).toEqual([ids.commentaire, ids.marque]);
    // A bloc whose children test champs before it may move as long as they stay before.
    expect(deplacerChampVers(d, 'champs', ids.enfants, { parentId: null, position: 4 }).result.ordre).toEqual(
      [ids.nom, ids.ville, ids.vehicules, ids.commentaire, ids.enfants],
    );
  });

  it('refuses moving the routing champ or a champ a routing rule reads into a bloc', () => {
    const { demarche, ids } = formulaire();
    const debut = deplacerChampVers(demarche, 'champs', ids.ville, { parentId: null, position: 0 }).demarche;
    const parChamp = routerParChamp(debut, ids.ville).demarche;
    const refus = errorOf(() =>
      deplacerChampVers(parChamp, 'champs', ids.ville, { parentId: ids.enfants, position: 0 }),
    );
    expect(refus.code).toBe(DemarcheErrorCode.CHAMP_DEPENDANCE);
    expect(refus.message).toContain('le routage par champ');
    // Nor below a champ that holds a value: the routing champ opens the form.
    expect(
      errorOf(() => deplacerChampVers(parChamp, 'champs', ids.ville, { parentId: null, position: 1 })).code,
    ).toBe(DemarcheErrorCode.CHAMP_DEPENDANCE);

    const groupe = demarche.groupesInstructeurs[0].id;
    const parRegle = definirRegle(demarche, groupe, {
      champId: ids.nom,
      operator: 'equals',
      value: 'true',
    }).demarche;
    const regle = errorOf(() =>
      deplacerChampVers(parRegle, 'champs', ids.nom, { parentId: ids.enfants, position: 0 }),
    );
    expect(regle.code).toBe(DemarcheErrorCode.CHAMP_DEPENDANCE);
    expect(regle.message).toContain('la règle de routage du groupe');
    // Reordering at the top keeps the rule valid: it tests the whole form at dépôt.
    expect(
      deplacerChampVers(parRegle, 'champs', ids.nom, { parentId: null, position: 4 }).result.ordre,
    ).toContain(ids.nom);
  });

  it('keeps published champs in their bloc (or out of any), but lets them be reordered', () => {
    const { demarche, ids } = formulaire();
    const publiee = publier(pretePourPublication(ajouterInstructeur(demarche, 'i@x.fr')), 'aide', now);
    const dedans = errorOf(() =>
      deplacerChampVers(publiee, 'champs', ids.nom, { parentId: ids.enfants, position: 0 }),
    );
    expect(dedans).toMatchObject({
      code: DemarcheErrorCode.CHAMP_PUBLIE_DEPLACEMENT,
      details: { champId: ids.nom, parentIdPublie: null, parentId: ids.enfants },
    });
    expect(dedans.message).toContain('« Nom » est publié : il ne peut pas entrer dans un bloc répétable');
    const dehors = errorOf(() =>
      deplacerChampVers(publiee, 'champs', ids.age, { parentId: null, position: 0 }),
    );
    expect(dehors).toMatchObject({
      code: DemarcheErrorCode.CHAMP_PUBLIE_DEPLACEMENT,
      details: { parentIdPublie: ids.enfants },
    });
    expect(dehors.message).toContain('sortir de son bloc répétable');
    expect(dehors.message).toContain('« Enfants »');
    expect(
      errorOf(() => deplacerChampVers(publiee, 'champs', ids.age, { parentId: ids.vehicules, position: 0 }))
        .code,
    ).toBe(DemarcheErrorCode.CHAMP_PUBLIE_DEPLACEMENT);

    // Reordering stays allowed, and republishes.
    const reordonnee = deplacerChampVers(publiee, 'champs', ids.age, { parentId: ids.enfants, position: 0 });
    expect(reordonnee.result.ordre).toEqual([ids.age, ids.prenom, ids.scolarise]);
    const haut = deplacerChampVers(reordonnee.demarche, 'champs', ids.commentaire, {
      parentId: null,
      position: 0,
    });
    expect(publier(haut.demarche, 'aide', now).revisionPubliee?.champs[0].id).toBe(ids.commentaire);

    // A champ added since the publication goes anywhere, published blocs included, and back out.
    const ajout = ajouterChamp(publiee, 'champs', champ('Classe'));
    const dansBlocPublie = deplacerChampVers(ajout.demarche, 'champs', ajout.result.id, {
      parentId: ids.enfants,
      position: 3,
    });
    expect(dansBlocPublie.result.ordre).toEqual([ids.prenom, ids.age, ids.scolarise, ajout.result.id]);
    const ressorti = deplacerChampVers(dansBlocPublie.demarche, 'champs', ajout.result.id, {
      parentId: null,
      position: 0,
    });
    expect(ressorti.result.ordre[0]).toBe(ajout.result.id);
    expect(publier(dansBlocPublie.demarche, 'aide', now).revisionPubliee?.champs[2].children).toHaveLength(4);
  });

  it('moves annotations privées into and out of their blocs with the same rules', () => {
    const { demarche } = formulaire();
    let d = demarche;
    const add = (nouveau: NouveauChamp, parentId: string | null = null) => {
      const edition = ajouterChamp(d, 'annotations', nouveau, parentId);
      d = edition.demarche;
      return edition.result.id;
    };
    const avis = add(champ('Avis', { type: 'yes_no' }));
    const visites = add(champ('Visites', { type: 'repetition' }));
    const date = add(champ('Date', { type: 'date' }), visites);
    const note = add(champ('Note'));
    d = definirCondition(d, 'annotations', note, {
      champId: avis,
      operator: 'equals',
      value: 'true',
    }).demarche;
    const dedans = deplacerChampVers(d, 'annotations', note, { parentId: visites, position: 1 });
    expect(dedans.result).toEqual({ parentId: visites, ordre: [date, note] });
    expect(dedans.demarche.champs).toEqual(d.champs);
    expect(deplacerChampVers(d, 'annotations', date, { parentId: null, position: 0 }).result.ordre).toEqual([
      date,
      avis,
      visites,
      note,
    ]);
    const refus = errorOf(() =>
      deplacerChampVers(d, 'annotations', avis, { parentId: visites, position: 0 }),
    );
    expect(refus.code).toBe(DemarcheErrorCode.CHAMP_DEPENDANCE);
    expect(refus.message).toContain("la condition de l'annotation « Note »");
  });
});
