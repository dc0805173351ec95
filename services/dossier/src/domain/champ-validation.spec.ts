import { problemesAuDepot, validerValeur } from './champ-validation';
import { ChampDescriptor } from './revision';

const champ = (type: string, options: string[] = []): ChampDescriptor => ({
  id: type,
  type,
  label: type,
  description: '',
  mandatory: true,
  options,
});

describe('champ validation', () => {
  it.each([
    ['phone', '06 12 34 56 78'],
    ['phone', '+262 6 92 12 34 56'],
    ['phone', '0590123456'],
    ['email', 'a@b.fr'],
    ['integer_number', 12],
    ['decimal_number', 12.5],
    ['date', '2026-02-28'],
    ['yes_no', false],
    ['civilite', 'Mme'],
  ])('accepts a valid %s value %p', (type, value) => {
    expect(validerValeur(champ(type), value)).toBeNull();
  });

  it.each([
    ['phone', '12345'],
    ['email', 'a@b'],
    ['integer_number', 1.5],
    ['date', '28/02/2026'],
    ['yes_no', 'oui'],
    ['civilite', 'Monsieur'],
  ])('refuses an invalid %s value %p', (type, value) => {
    expect(validerValeur(champ(type), value)).toMatchObject({ champId: type });
  });

  it('never lets a --séparateur-- entry be chosen', () => {
    const liste = champ('drop_down_list', ['--Fruits--', 'Pomme']);
    expect(validerValeur(liste, 'Pomme')).toBeNull();
    expect(validerValeur(liste, '--Fruits--')).not.toBeNull();
  });

  it('reports every missing or invalid champ at dépôt', () => {
    const problems = problemesAuDepot([champ('text'), champ('email')], { email: 'faux' });
    expect(problems.map((p) => p.champId)).toEqual(['text', 'email']);
  });
});
