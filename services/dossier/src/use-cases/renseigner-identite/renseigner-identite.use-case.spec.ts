import { prefillFromPivot } from './renseigner-identite.use-case';

describe(prefillFromPivot.name, () => {
  it('prefills civilité, nom and the usage first name from the FranceConnect pivot identity', () => {
    expect(
      prefillFromPivot({ givenName: 'Angela Claire Louise', familyName: 'DUBOIS', gender: 'female' }),
    ).toEqual({
      civilite: 'Mme',
      nom: 'DUBOIS',
      prenom: 'Angela',
      fromFranceConnect: true,
    });
    expect(prefillFromPivot({ givenName: 'Louis', familyName: 'Pasteur' })?.civilite).toBeNull();
  });

  it('offers nothing without a pivot identity', () => {
    expect(prefillFromPivot(undefined)).toBeNull();
    expect(prefillFromPivot({ givenName: ' ', familyName: 'X' })).toBeNull();
  });
});
