import { champ, demarcheDeTest } from '../testing/champ-fixtures';
import type { Condition } from '@demarches/formulaire';
import { DemarcheException } from '../demarche.exception';
import { definirCondition } from './conditions';
import { Demarche } from './demarche';
import { deplacerChamp, modifierChamp, supprimerChamp } from './formulaire';

function demarche(): Demarche {
  return {
    ...demarcheDeTest(),
    champs: [
      champ('asso', 'yes_no', 'Association ?'),
      champ('dep', 'drop_down_list', 'Département', ['--Auvergne-Rhône-Alpes--', 'Loire', 'Rhône']),
      champ('nb', 'integer_number', 'Nombre de membres'),
      champ('nom', 'text', 'Nom'),
    ],
    annotations: [champ('avis', 'yes_no', 'Avis favorable ?'), champ('motif', 'text', 'Motif')],
  };
}

function codeOf(fn: () => unknown): { code: string; details: Record<string, unknown>; message: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof DemarcheException)
      return { code: error.code, details: error.details ?? {}, message: error.message };
    throw error;
  }
  throw new Error('expected a DemarcheException');
}

describe('definirCondition', () => {
  it('accepts comparisons with earlier champs, in and/or trees', () => {
    const { result } = definirCondition(demarche(), 'champs', 'nom', {
      all: [
        { champId: 'asso', operator: 'equals', value: 'true' },
        {
          any: [
            { champId: 'dep', operator: 'equals', value: 'Loire' },
            { champId: 'nb', operator: 'greater_than', value: '10' },
          ],
        },
      ],
    });
    expect(result.condition).toEqual(expect.objectContaining({ all: expect.any(Array) }));
  });

  it('lets an annotation test any champ of the form and the annotations above it', () => {
    const withChamp = definirCondition(demarche(), 'annotations', 'avis', {
      champId: 'nom',
      operator: 'is_not_empty',
      value: '',
    });
    expect(withChamp.result.condition).toEqual({ champId: 'nom', operator: 'is_not_empty', value: '' });
    expect(
      definirCondition(demarche(), 'annotations', 'motif', {
        champId: 'avis',
        operator: 'equals',
        value: 'false',
      }).result.condition,
    ).toBeTruthy();
    expect(
      codeOf(() =>
        definirCondition(demarche(), 'champs', 'nom', { champId: 'avis', operator: 'equals', value: 'true' }),
      ).code,
    ).toBe('CONDITION_INVALID');
  });

  it.each([
    ['a later champ', { champId: 'nom', operator: 'is_empty', value: '' }, 'nb', 'CHAMP_POSTERIEUR'],
    ['the champ itself', { champId: 'nb', operator: 'greater_than', value: '1' }, 'nb', 'CHAMP_POSTERIEUR'],
    ['a deleted champ', { champId: 'disparu', operator: 'is_empty', value: '' }, 'nom', 'CHAMP_INCONNU'],
    [
      'an operator of another type',
      { champId: 'asso', operator: 'greater_than', value: 'true' },
      'nom',
      'OPERATEUR_INCOMPATIBLE',
    ],
    [
      'a value not among the options',
      { champId: 'dep', operator: 'equals', value: 'Ain' },
      'nom',
      'VALEUR_INVALIDE',
    ],
    [
      'a separator of the list',
      { champId: 'dep', operator: 'equals', value: '--Auvergne-Rhône-Alpes--' },
      'nom',
      'VALEUR_INVALIDE',
    ],
    [
      'a number that is not one',
      { champId: 'nb', operator: 'less_than', value: 'dix' },
      'nom',
      'VALEUR_INVALIDE',
    ],
    ['an empty « et »', { all: [] }, 'nom', 'CONDITION_VIDE'],
  ] as const)('refuses a condition on %s', (_, condition, on, problem) => {
    const error = codeOf(() => definirCondition(demarche(), 'champs', on, condition as Condition));
    expect(error.code).toBe('CONDITION_INVALID');
    expect(error.details.problemes).toEqual([expect.objectContaining({ code: problem })]);
  });

  it('removes a condition with null', () => {
    const { demarche: withCondition } = definirCondition(demarche(), 'champs', 'nom', {
      champId: 'asso',
      operator: 'equals',
      value: 'true',
    });
    expect(definirCondition(withCondition, 'champs', 'nom', null).result.condition).toBeNull();
  });
});

describe('champs others depend on', () => {
  const conditionnee = () =>
    definirCondition(demarche(), 'champs', 'nom', { champId: 'dep', operator: 'equals', value: 'Loire' })
      .demarche;

  it('refuses to delete a champ a condition tests, naming the dependant champ', () => {
    const error = codeOf(() => supprimerChamp(conditionnee(), 'champs', 'dep'));
    expect(error.code).toBe('CHAMP_DEPENDANCE');
    expect(error.message).toContain('la condition du champ « Nom »');
    expect(error.details.dependants).toEqual([expect.objectContaining({ cle: 'champs:nom' })]);
  });

  it('refuses to delete a champ an annotation tests', () => {
    const { demarche: d } = definirCondition(demarche(), 'annotations', 'motif', {
      champId: 'asso',
      operator: 'equals',
      value: 'false',
    });
    expect(codeOf(() => supprimerChamp(d, 'champs', 'asso')).message).toContain("l'annotation « Motif »");
  });

  it('refuses a move that puts the tested champ after its dependant, allows the others', () => {
    let d = conditionnee();
    d = deplacerChamp(d, 'champs', 'nb', 'bas').demarche; // nb ↔ nom: nom still after dep
    expect(d.champs.map((c) => c.id)).toEqual(['asso', 'dep', 'nom', 'nb']);
    expect(codeOf(() => deplacerChamp(d, 'champs', 'nom', 'haut')).code).toBe('CHAMP_DEPENDANCE');
    expect(codeOf(() => deplacerChamp(d, 'champs', 'dep', 'bas')).code).toBe('CHAMP_DEPENDANCE');
  });

  it('refuses removing the option a condition compares with, or changing the type it tests', () => {
    expect(codeOf(() => modifierChamp(conditionnee(), 'champs', 'dep', { options: ['Rhône'] })).code).toBe(
      'CHAMP_DEPENDANCE',
    );
    expect(
      codeOf(() => modifierChamp(conditionnee(), 'champs', 'dep', { type: 'text', options: [] })).code,
    ).toBe('CHAMP_DEPENDANCE');
    expect(
      modifierChamp(conditionnee(), 'champs', 'dep', { options: ['Loire', 'Ain'] }).result.options,
    ).toEqual(['Loire', 'Ain']);
  });

  it('deletes a champ nobody depends on', () => {
    expect(supprimerChamp(conditionnee(), 'champs', 'nb').result).toEqual(['asso', 'dep', 'nom']);
  });
});
