import { Condition } from './condition';
import { ChampReference, champsReferences, validerCondition } from './validation';

const ouiNon: ChampReference = { id: 'asso', type: 'yes_no', label: 'Association ?', options: [] };
const liste: ChampReference = {
  id: 'ville',
  type: 'drop_down_list',
  label: 'Ville',
  options: ['--Rhône--', 'Lyon', 'Villeurbanne'],
};
const nombre: ChampReference = { id: 'age', type: 'integer_number', label: 'Âge', options: [] };
const texte: ChampReference = { id: 'nom', type: 'text', label: 'Nom', options: [] };
const plusLoin: ChampReference = { id: 'plus-loin', type: 'yes_no', label: 'Plus loin', options: [] };
const precedents = [ouiNon, liste, nombre, texte];
const tous = [...precedents, plusLoin];

const codes = (condition: Condition) => validerCondition(condition, precedents, tous).map((p) => p.code);

describe('validerCondition', () => {
  it.each<[string, Condition]>([
    ['oui/non equals true', { champId: 'asso', operator: 'equals', value: 'true' }],
    ['a list option', { champId: 'ville', operator: 'not_equals', value: 'Lyon' }],
    ['a number order', { champId: 'age', operator: 'greater_or_equal', value: '18' }],
    ['emptiness of a text', { champId: 'nom', operator: 'is_empty', value: '' }],
    [
      'et / ou of valid comparisons',
      {
        any: [
          { champId: 'asso', operator: 'equals', value: 'false' },
          { all: [{ champId: 'age', operator: 'less_than', value: '26' }] },
        ],
      },
    ],
  ])('accepts %s', (_name, condition) => {
    expect(codes(condition)).toEqual([]);
  });

  it.each<[string, Condition, string]>([
    ['a later champ', { champId: 'plus-loin', operator: 'equals', value: 'true' }, 'CHAMP_POSTERIEUR'],
    ['a deleted champ', { champId: 'disparu', operator: 'equals', value: 'true' }, 'CHAMP_INCONNU'],
    [
      'an order operator on oui/non',
      { champId: 'asso', operator: 'less_than', value: '1' },
      'OPERATEUR_INCOMPATIBLE',
    ],
    ['equality on a free text', { champId: 'nom', operator: 'equals', value: 'x' }, 'OPERATEUR_INCOMPATIBLE'],
    [
      'an operand that is not a boolean',
      { champId: 'asso', operator: 'equals', value: 'oui' },
      'VALEUR_INVALIDE',
    ],
    [
      'an option missing from the list',
      { champId: 'ville', operator: 'equals', value: 'Paris' },
      'VALEUR_INVALIDE',
    ],
    ['a list separator', { champId: 'ville', operator: 'equals', value: '--Rhône--' }, 'VALEUR_INVALIDE'],
    [
      'a number operand that is not a number',
      { champId: 'age', operator: 'less_than', value: 'vingt' },
      'VALEUR_INVALIDE',
    ],
    ['an empty « ou »', { any: [] }, 'CONDITION_VIDE'],
  ])('refuses %s', (_name, condition, code) => {
    expect(codes(condition)).toEqual([code]);
  });

  it('reports every problem of a compound condition, naming the champ', () => {
    const problems = validerCondition(
      {
        all: [
          { champId: 'plus-loin', operator: 'equals', value: 'true' },
          { champId: 'ville', operator: 'equals', value: 'Paris' },
        ],
      },
      precedents,
      tous,
    );
    expect(problems.map((p) => p.code)).toEqual(['CHAMP_POSTERIEUR', 'VALEUR_INVALIDE']);
    expect(problems[0].message).toContain('« Plus loin »');
  });
});

describe('champsReferences', () => {
  it('lists every champ a compound condition reads', () => {
    const condition: Condition = {
      any: [
        { champId: 'a', operator: 'is_empty', value: '' },
        { all: [{ champId: 'b', operator: 'equals', value: 'x' }] },
      ],
    };
    expect([...champsReferences(condition)].sort()).toEqual(['a', 'b']);
  });
});
