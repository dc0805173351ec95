import { champ, demarcheDeTest } from '../testing/champ-fixtures';
import { evaluerCondition } from '@demarches/formulaire';
import { DemarcheException } from '../demarche.exception';
import { Demarche, ServiceContact } from './demarche';
import { supprimerChamp, modifierChamp } from './formulaire';
import {
  ajouterInstructeurs,
  creerGroupe,
  groupeParDefaut,
  modifierGroupe,
  normaliserGroupes,
  retirerInstructeur,
  supprimerGroupe,
} from './groupes';
import { definirRegle, desactiverRoutage, groupeDestination, modeRoutage, routerParChamp } from './routage';

function demarche(): Demarche {
  return {
    ...demarcheDeTest(),
    champs: [
      champ('titre', 'header_section', 'Votre territoire'),
      champ('dep', 'drop_down_list', 'Département', ['--Auvergne-Rhône-Alpes--', 'Loire', 'Rhône']),
      champ('montant', 'integer_number', 'Montant'),
    ],
  };
}

const contact: ServiceContact = {
  nom: 'Pôle aides',
  organisme: '',
  email: 'Aides@Exemple.fr',
  telephone: '04 77 00 00 00',
  horaires: '9 h – 17 h',
  adresse: '1 rue de la Paix, 42000 Saint-Étienne',
  siret: '',
};

function error(fn: () => unknown): DemarcheException {
  try {
    fn();
  } catch (e) {
    if (e instanceof DemarcheException) return e;
    throw e;
  }
  throw new Error('expected a DemarcheException');
}

describe('groupes instructeurs', () => {
  it('creates groupes with unique names and a validated contact', () => {
    const { demarche: d, result } = creerGroupe(demarche(), { label: '  Loire  nord ', contact });
    expect(result).toMatchObject({ label: 'Loire nord', isDefault: false, closed: false });
    expect(result.contact?.email).toBe('aides@exemple.fr');
    expect(error(() => creerGroupe(d, { label: 'loire NORD' })).code).toBe('GROUPE_INVALID');
    expect(error(() => creerGroupe(d, { label: '' })).code).toBe('GROUPE_INVALID');
    const bad = error(() =>
      creerGroupe(d, { label: 'X', contact: { ...contact, telephone: '12', horaires: '' } }),
    );
    expect(bad.details?.problemes).toEqual([
      'les horaires est obligatoire',
      'le numéro de téléphone est invalide',
    ]);
  });

  it('adds instructeurs once, lower-cased, and reports only the new ones as invitations', () => {
    const d = demarche();
    const defaut = groupeParDefaut(d);
    const first = ajouterInstructeurs(d, defaut.id, ['Claire@X.fr', 'paul@x.fr', 'claire@x.fr']);
    expect(first.invites).toEqual(['claire@x.fr', 'paul@x.fr']);
    const again = ajouterInstructeurs(first.demarche, defaut.id, ['paul@x.fr', 'zoe@x.fr']);
    expect(again.invites).toEqual(['zoe@x.fr']);
    expect(again.result.instructeurs).toEqual(['claire@x.fr', 'paul@x.fr', 'zoe@x.fr']);
    expect(ajouterInstructeurs(again.demarche, defaut.id, ['ZOE@x.fr']).changed).toBe(false);
    expect(error(() => ajouterInstructeurs(demarche(), 'nope', ['a@x.fr'])).code).toBe('GROUPE_NOT_FOUND');
  });

  it('keeps one instructeur in an open groupe of a published démarche', () => {
    const d = demarche();
    const defaut = groupeParDefaut(d);
    const avecUn = ajouterInstructeurs(d, defaut.id, ['seule@x.fr']).demarche;
    expect(retirerInstructeur(avecUn, defaut.id, 'SEULE@x.fr').result.instructeurs).toEqual([]);
    expect(
      error(() => retirerInstructeur({ ...avecUn, state: 'publiee' }, defaut.id, 'seule@x.fr')).code,
    ).toBe('GROUPE_CONFLICT');
    expect(error(() => retirerInstructeur(avecUn, defaut.id, 'autre@x.fr')).code).toBe(
      'INSTRUCTEUR_NOT_FOUND',
    );
  });

  it('never closes nor deletes the default groupe; another can become the default', () => {
    const { demarche: d, result: autre } = creerGroupe(demarche(), { label: 'Autre' });
    const defaut = groupeParDefaut(d);
    expect(error(() => modifierGroupe(d, defaut.id, { closed: true })).code).toBe('GROUPE_CONFLICT');
    expect(error(() => supprimerGroupe(d, defaut.id)).code).toBe('GROUPE_CONFLICT');
    const closed = modifierGroupe(d, autre.id, { closed: true }).demarche;
    expect(error(() => modifierGroupe(closed, autre.id, { isDefault: true })).code).toBe('GROUPE_CONFLICT');

    const switched = modifierGroupe(d, autre.id, { isDefault: true }).demarche;
    expect(switched.groupesInstructeurs.filter((g) => g.isDefault).map((g) => g.id)).toEqual([autre.id]);
    const { demarche: sansAncien, result } = supprimerGroupe(switched, defaut.id);
    expect(result).toEqual([autre.id]);
    expect(error(() => supprimerGroupe(sansAncien, autre.id)).code).toBe('GROUPE_CONFLICT');
  });

  it('reads groupes stored before routing: the « défaut » one is the default', () => {
    expect(
      normaliserGroupes([
        { id: 'a', label: 'Nord', instructeurs: [] },
        { id: 'b', label: 'défaut', instructeurs: ['x@x.fr'] },
      ]).map((g) => [g.id, g.isDefault, g.closed, g.routingRule]),
    ).toEqual([
      ['a', false, false, null],
      ['b', true, false, null],
    ]);
  });
});

describe('routage', () => {
  it('routes by the list champ at the start of the form: one groupe per option, compiled into rules', () => {
    const { demarche: d, result } = routerParChamp(demarche(), 'dep');
    expect(result.mode).toBe('champ');
    expect(result.groupes.map((g) => [g.label, g.routingValues])).toEqual([
      ['défaut', []],
      ['Loire', ['Loire']],
      ['Rhône', ['Rhône']],
    ]);
    const values = (dep: string) => ({ dep });
    expect(groupeDestination(d, (rule) => evaluerCondition(rule, values('Rhône'))).label).toBe('Rhône');
    expect(groupeDestination(d, (rule) => evaluerCondition(rule, values(''))).label).toBe('défaut');
    const loire = d.groupesInstructeurs.find((g) => g.label === 'Loire')!;
    const fermee = modifierGroupe(d, loire.id, { closed: true }).demarche;
    expect(groupeDestination(fermee, (rule) => evaluerCondition(rule, values('Loire'))).label).toBe('défaut');
  });

  it('maps options to existing groupes, one groupe per option', () => {
    const { demarche: d, result: est } = creerGroupe(demarche(), { label: 'Est' });
    const routed = routerParChamp(d, 'dep', [{ groupeId: est.id, valeurs: ['Loire', 'Rhône'] }]);
    expect(routed.demarche.groupesInstructeurs).toHaveLength(2);
    expect(routed.demarche.groupesInstructeurs[1].routingRule).toEqual({
      any: [
        { champId: 'dep', operator: 'equals', value: 'Loire' },
        { champId: 'dep', operator: 'equals', value: 'Rhône' },
      ],
    });
    const defaut = groupeParDefaut(d);
    expect(
      error(() =>
        routerParChamp(d, 'dep', [
          { groupeId: est.id, valeurs: ['Loire'] },
          { groupeId: defaut.id, valeurs: ['Loire'] },
        ]),
      ).message,
    ).toContain('un seul groupe');
    expect(error(() => routerParChamp(d, 'dep', [{ groupeId: est.id, valeurs: ['Ain'] }])).code).toBe(
      'ROUTAGE_INVALID',
    );
  });

  it('refuses a routing champ that is not a list at the start of the form', () => {
    expect(error(() => routerParChamp(demarche(), 'montant')).details?.problemes).toEqual([
      expect.stringContaining('drop_down_list'),
      expect.stringContaining('« Département » le précède'),
    ]);
  });

  it('switches to rules, validated on the champs of the form', () => {
    const { demarche: d } = routerParChamp(demarche(), 'dep');
    const gros = creerGroupe(d, { label: 'Gros' });
    const rules = definirRegle(gros.demarche, gros.result.id, {
      champId: 'montant',
      operator: 'greater_or_equal',
      value: '10000',
    });
    expect(modeRoutage(rules.demarche)).toBe('regles');
    expect(rules.demarche.routingChampId).toBeNull();
    expect(rules.demarche.groupesInstructeurs.find((g) => g.label === 'Loire')?.routingRule).toBeTruthy();
    expect(
      error(() =>
        definirRegle(gros.demarche, gros.result.id, { champId: 'montant', operator: 'includes', value: '1' }),
      ).code,
    ).toBe('CONDITION_INVALID');
    expect(modeRoutage(desactiverRoutage(rules.demarche).demarche)).toBe('aucun');
  });

  it('keeps the champs routing depends on', () => {
    const { demarche: d } = routerParChamp(demarche(), 'dep');
    expect(error(() => supprimerChamp(d, 'champs', 'dep')).message).toContain('le routage par champ');
    expect(error(() => modifierChamp(d, 'champs', 'dep', { options: ['Loire'] })).code).toBe(
      'CHAMP_DEPENDANCE',
    );
    const gros = creerGroupe(demarche(), { label: 'Gros' });
    const rules = definirRegle(gros.demarche, gros.result.id, {
      champId: 'montant',
      operator: 'is_empty',
      value: '',
    });
    expect(error(() => supprimerChamp(rules.demarche, 'champs', 'montant')).message).toContain(
      'la règle de routage du groupe « Gros »',
    );
  });
});
