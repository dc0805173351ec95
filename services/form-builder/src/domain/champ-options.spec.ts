import { DemarcheErrorCode } from '../demarche.exception';
import { validerOptions } from './champ-options';

const refus = (type: Parameters<typeof validerOptions>[0], options: string[], line?: number) =>
  expect(() => validerOptions(type, options)).toThrow(
    expect.objectContaining({
      code: DemarcheErrorCode.CHAMP_INVALID,
      ...(line ? { details: { line } } : {}),
    }),
  );

describe('champ options', () => {
  it('keeps the choices and separators of a list, trimmed, without blank lines', () => {
    expect(validerOptions('drop_down_list', [' --Fruits-- ', 'Pomme', '', 'Poire '])).toEqual([
      '--Fruits--',
      'Pomme',
      'Poire',
    ]);
  });

  it('refuses a list without any real choice, or with a choice twice', () => {
    refus('drop_down_list', ['--Fruits--']);
    refus('multiple_drop_down_list', ['Pomme', 'Poire', 'Pomme'], 3);
  });

  it('accepts a well-formed linked list', () => {
    const options = ['--Fruits--', 'Pomme', 'Poire', '--Légumes--', 'Carotte'];
    expect(validerOptions('linked_drop_down_list', options)).toEqual(options);
  });

  it('names the wrong line of a malformed linked list', () => {
    refus('linked_drop_down_list', ['Pomme', '--Fruits--', 'Poire'], 1);
    refus('linked_drop_down_list', ['--Fruits--', 'Pomme', '--Légumes--'], 3);
    refus('linked_drop_down_list', ['--Fruits--', 'Pomme', '--Fruits--', 'Poire'], 3);
    refus('linked_drop_down_list', []);
  });

  it('refuses options on a type that takes none', () => {
    refus('text', ['x']);
    expect(validerOptions('text', [' '])).toEqual([]);
  });
});
