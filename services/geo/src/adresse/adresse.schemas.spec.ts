import { parseInput } from '@demarches/platform-errors';
import { adresseSaisieSchema, rechercheAdressesQuery } from './adresse.schemas';

const violations = (schema: Parameters<typeof parseInput>[0], input: unknown): string[] => {
  try {
    parseInput(schema, input);
    return [];
  } catch (error: unknown) {
    const details = (error as { details?: { violations?: { path: string }[] } }).details;
    return (details?.violations ?? []).map((v) => v.path);
  }
};

describe('rechercheAdressesQuery', () => {
  it('accepts a query string with defaults for limit and autocomplete', () => {
    expect(parseInput(rechercheAdressesQuery, { q: '  20 avenue de ségur ' })).toEqual({
      q: '20 avenue de ségur',
      limit: 5,
      autocomplete: true,
    });
    expect(
      parseInput(rechercheAdressesQuery, {
        q: 'bellecour',
        limit: '3',
        postcode: '69002',
        citycode: '2a004',
        type: 'street',
        autocomplete: '0',
      }),
    ).toMatchObject({ limit: 3, postcode: '69002', citycode: '2a004', type: 'street', autocomplete: false });
  });

  it('refuses q shorter than 3 or longer than 200 characters, or without a letter or digit', () => {
    expect(violations(rechercheAdressesQuery, { q: ' ab ' })).toEqual(['q']);
    expect(violations(rechercheAdressesQuery, { q: 'a'.repeat(201) })).toEqual(['q']);
    expect(violations(rechercheAdressesQuery, { q: '---' })).toEqual(['q']);
    expect(violations(rechercheAdressesQuery, {})).toEqual(['q']);
    expect(violations(rechercheAdressesQuery, { q: 'a'.repeat(200) })).toEqual([]);
  });

  it('refuses a bad limit, postal code, INSEE code or type, all at once', () => {
    expect(
      violations(rechercheAdressesQuery, {
        q: 'rivoli',
        limit: '50',
        postcode: '7500',
        citycode: '3A004',
        type: 'poi',
      }),
    ).toEqual(['limit', 'postcode', 'citycode', 'type']);
  });
});

describe('adresseSaisieSchema', () => {
  it('accepts a BAN pick and a manual address', () => {
    expect(
      parseInput(adresseSaisieSchema, {
        kind: 'ban',
        id: '75107_8909_00020',
        label: '20 Avenue de Ségur 75007 Paris',
      }),
    ).toMatchObject({ kind: 'ban' });
    expect(
      parseInput(adresseSaisieSchema, {
        kind: 'manual',
        label: 'Lieu-dit Les Granges, chemin rural n° 4',
        postcode: '04200',
        city: 'Sisteron',
      }),
    ).toMatchObject({ kind: 'manual', city: 'Sisteron' });
  });

  it('bounds a manual address and refuses control characters', () => {
    expect(violations(adresseSaisieSchema, { kind: 'manual', label: 'x'.repeat(301) })).toEqual(['label']);
    expect(violations(adresseSaisieSchema, { kind: 'manual', label: 'rue\u0000 du port' })).toEqual([
      'label',
    ]);
    expect(violations(adresseSaisieSchema, { kind: 'manual', label: 'rue du port\nbât. B' })).toEqual([]);
  });

  it('refuses a malformed BAN id or an unknown kind', () => {
    expect(violations(adresseSaisieSchema, { kind: 'ban', id: '../x', label: 'rue du port' })).toEqual([
      'id',
    ]);
    expect(violations(adresseSaisieSchema, { kind: 'gps', label: 'rue du port' })).toEqual(['kind']);
  });
});
