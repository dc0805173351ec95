import { Condition } from './condition';
import { champsVisibles, evaluerCondition } from './evaluation';

const eq = (champId: string, value: string): Condition => ({ champId, operator: 'equals', value });

describe('evaluerCondition', () => {
  it.each([
    ['oui/non answered yes', eq('c', 'true'), { c: true }, true],
    ['oui/non answered no', eq('c', 'true'), { c: false }, false],
    ['case à cocher left unticked', eq('c', 'false'), { c: false }, true],
    ['a list option', eq('c', 'Lyon'), { c: 'Lyon' }, true],
    ['another list option', eq('c', 'Lyon'), { c: 'Paris' }, false],
    ['a number written with a comma operand', eq('c', '2,5'), { c: 2.5 }, true],
    ['a région by its code in a structured value', eq('c', '84'), { c: { code: '84', label: 'ARA' } }, true],
  ])('equals: %s', (_name, condition, valeurs, expected) => {
    expect(evaluerCondition(condition, valeurs)).toBe(expected);
  });

  it('never satisfies a comparison on an unanswered champ, not even « différent de »', () => {
    expect(evaluerCondition({ champId: 'c', operator: 'not_equals', value: 'x' }, {})).toBe(false);
    expect(evaluerCondition({ champId: 'c', operator: 'not_equals', value: 'x' }, { c: 'y' })).toBe(true);
  });

  it.each([
    ['less_than', 17, true],
    ['less_than', 18, false],
    ['less_or_equal', 18, true],
    ['greater_than', 19, true],
    ['greater_than', 18, false],
    ['greater_or_equal', 18, true],
  ] as const)('%s 18 with %d is %s', (operator, value, expected) => {
    expect(evaluerCondition({ champId: 'age', operator, value: '18' }, { age: value })).toBe(expected);
  });

  it('fails an order comparison on a value that is not a number', () => {
    expect(evaluerCondition({ champId: 'c', operator: 'greater_than', value: '1' }, { c: 'abc' })).toBe(
      false,
    );
  });

  it('tests membership of choix multiples with includes', () => {
    const condition: Condition = { champId: 'c', operator: 'includes', value: 'vélo' };
    expect(evaluerCondition(condition, { c: ['bus', 'vélo'] })).toBe(true);
    expect(evaluerCondition(condition, { c: ['bus'] })).toBe(false);
  });

  it('treats blank strings and empty lists as empty', () => {
    const empty: Condition = { champId: 'c', operator: 'is_empty', value: '' };
    expect(evaluerCondition(empty, { c: '  ' })).toBe(true);
    expect(evaluerCondition(empty, { c: [] })).toBe(true);
    expect(evaluerCondition(empty, { c: 0 })).toBe(false);
    expect(evaluerCondition({ champId: 'c', operator: 'is_not_empty', value: '' }, { c: 'x' })).toBe(true);
  });

  it('combines comparisons with et / ou', () => {
    const both: Condition = { all: [eq('a', 'true'), eq('b', 'x')] };
    const either: Condition = { any: [eq('a', 'true'), eq('b', 'x')] };
    expect(evaluerCondition(both, { a: true, b: 'y' })).toBe(false);
    expect(evaluerCondition(either, { a: true, b: 'y' })).toBe(true);
    expect(evaluerCondition({ any: [] }, {})).toBe(false);
    expect(evaluerCondition({ all: [] }, {})).toBe(true);
  });
});

describe('champsVisibles', () => {
  const champs = [
    { id: 'association' },
    { id: 'rna', condition: eq('association', 'true') },
    { id: 'rna-confirme', condition: { champId: 'rna', operator: 'is_not_empty', value: '' } as Condition },
    { id: 'commentaire' },
  ];

  it('shows a champ whose condition holds and hides one whose condition fails', () => {
    expect([...champsVisibles(champs, { association: true, rna: 'W123' })]).toEqual([
      'association',
      'rna',
      'rna-confirme',
      'commentaire',
    ]);
    expect(champsVisibles(champs, { association: false }).has('rna')).toBe(false);
  });

  it('cascades: a champ depending on a hidden champ is judged as if that champ were unanswered', () => {
    const visibles = champsVisibles(champs, { association: false, rna: 'W123' });
    expect(visibles.has('rna')).toBe(false);
    expect(visibles.has('rna-confirme')).toBe(false);
    expect(visibles.has('commentaire')).toBe(true);
  });
});
