import { champTypeFromName, champTypeName } from './champ-type-names';
import { ChampType } from './generated/demarches/procedure/v1/champ_type';

describe('champ type names', () => {
  it('translates the reference names to the proto enum and back', () => {
    expect(champTypeFromName('drop_down_list')).toBe(ChampType.DROP_DOWN_LIST);
    expect(champTypeName(ChampType.DROP_DOWN_LIST)).toBe('drop_down_list');
  });

  it('knows no type for unknown or unspecified names', () => {
    expect(champTypeFromName('nope')).toBeUndefined();
    expect(champTypeFromName('unspecified')).toBeUndefined();
  });
});
