import { normaliserSiret, siretValide } from './siret';

describe(siretValide.name, () => {
  it.each([
    '13002526500013',
    '73282932000074',
    '35600000000048',
    '35600000012345'.slice(0, 0) || '35600000049837',
  ])('accepts %s', (siret) => expect(siretValide(siret)).toBe(true));

  it.each(['13002526500012', '1300252650001', '130025265000134', 'ABCDEFGHIJKLMN', ''])(
    'refuses %s',
    (siret) => expect(siretValide(siret)).toBe(false),
  );

  it('ignores spaces and dots typed by the usager', () => {
    expect(normaliserSiret('130 025 265 00013')).toBe('13002526500013');
  });
});
