import { champTypeFromName } from '@demarches/contracts';
import { TYPES_DE_CHAMP } from './type-de-champ';

describe('types de champ', () => {
  it.each(TYPES_DE_CHAMP)('%s has a twin in the proto ChampType enum, so it can be published', (type) => {
    expect(champTypeFromName(type)).toBeDefined();
  });
});
