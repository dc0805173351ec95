import { TYPES_DE_CHAMP } from '@demarches/formulaire';
import { ChampDescriptor } from '../revision';
import { afficherValeur } from './affichage';
import { SHAPES, validerForme } from './registry';

const TYPES_DE_CHAMP_CONNUS: readonly string[] = TYPES_DE_CHAMP;

const champ = (type: string, extra: Partial<ChampDescriptor> = {}): ChampDescriptor => ({
  id: `c-${type}`,
  type,
  label: type,
  description: '',
  mandatory: false,
  options: [],
  ...extra,
});

const LISTE = ['--Fruits--', 'Pomme', 'Poire', '--Légumes--', 'Carotte'];
const LIEE = ['--Bretagne--', 'Rennes', 'Brest', '--Occitanie--', 'Toulouse'];
const BLOC: Partial<ChampDescriptor> = {
  children: [
    champ('text', { id: 'nom', label: 'Nom', mandatory: true }),
    champ('integer_number', { id: 'age', label: 'Âge' }),
  ],
};
const POLYGONE = {
  type: 'Feature',
  properties: {},
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [4.8, 45.7],
        [4.81, 45.7],
        [4.81, 45.71],
        [4.8, 45.7],
      ],
    ],
  },
};

type Row = [type: string, extra: Partial<ChampDescriptor>, value: unknown, stored?: unknown];

/** Values each champ type accepts, with the normalised value stored when it differs from the input. */
const ACCEPTED: Row[] = [
  ['text', {}, '  Le jardin des Lilas ', 'Le jardin des Lilas'],
  ['textarea', {}, 'Ligne 1\r\nLigne 2', 'Ligne 1\nLigne 2'],
  ['formatted', { settings: { minLength: 3, maxLength: 5, lettersAccepted: false } }, '12345'],
  ['date', {}, '2024-02-29'],
  ['datetime', {}, '2026-02-28T14:30'],
  ['datetime', {}, '2026-02-28 14:30:05+01:00', '2026-02-28T14:30:05+01:00'],
  ['decimal_number', {}, 12.5],
  ['decimal_number', {}, '1 200,75', 1200.75],
  ['integer_number', {}, 42],
  ['integer_number', { settings: { min: 0, max: 10 } }, '7', 7],
  ['checkbox', {}, true],
  ['checkbox', {}, false],
  ['civilite', {}, 'Mme'],
  ['civilite', {}, 'M.'],
  ['email', {}, ' jeanne.dupont@exemple.fr ', 'jeanne.dupont@exemple.fr'],
  ['phone', {}, '06 12 34 56 78'],
  ['phone', {}, '+33 1 23 45 67 89'],
  ['phone', {}, '+262 692 12 34 56'],
  ['phone', {}, '0590 12 34 56'],
  ['phone', {}, '+687 22 33 44'],
  ['phone', {}, '+689 40 12 34 56'],
  [
    'address',
    {},
    '3 rue des Lilas, 39100 Dole',
    { label: '3 rue des Lilas, 39100 Dole', manual: true, verified: false },
  ],
  [
    'address',
    {},
    { banId: '75107_8909_00020', label: '20 Avenue de Ségur 75007 Paris', coordinates: [2.3, 48.85] },
    {
      banId: '75107_8909_00020',
      label: '20 Avenue de Ségur 75007 Paris',
      manual: false,
      verified: false,
      coordinates: [2.3, 48.85],
    },
  ],
  ['yes_no', {}, false],
  ['drop_down_list', { options: LISTE }, 'Poire'],
  ['multiple_drop_down_list', { options: LISTE }, ['Carotte', 'Pomme'], ['Pomme', 'Carotte']],
  ['linked_drop_down_list', { options: LIEE }, { primary: 'Occitanie', secondary: 'Toulouse' }],
  [
    'linked_drop_down_list',
    { options: LIEE },
    { primary: 'Bretagne' },
    { primary: 'Bretagne', secondary: '' },
  ],
  ['pays', {}, 'de', { code: 'DE', nom: 'Allemagne' }],
  ['regions', {}, '84', { code: '84', nom: '' }],
  ['departements', {}, { code: '2B', nom: 'Haute-Corse' }],
  ['departements', {}, '974', { code: '974', nom: '' }],
  [
    'communes',
    {},
    { code: '69123', postcode: '69001' },
    { code: '69123', nom: '', departement: '', postcode: '69001' },
  ],
  ['epci', {}, '200046977', { code: '200046977', nom: '' }],
  ['dossier_link', {}, 1234],
  ['dossier_link', {}, '56', 56],
  ['piece_justificative', {}, { attachmentIds: ['a1', 'a1', 'b2'] }, { attachmentIds: ['a1', 'b2'] }],
  ['siret', {}, '732 829 320 00074', '73282932000074'],
  // La Poste: Luhn fails, the sum of the digits is a multiple of 5.
  ['siret', {}, '35600000000010'],
  ['iban', {}, 'FR14 2004 1010 0505 0001 3M02 606', 'FR1420041010050500013M02606'],
  ['carte', {}, { type: 'FeatureCollection', features: [POLYGONE] }],
  [
    'repetition',
    BLOC,
    [{ nom: 'Alice', age: '31' }, { nom: 'Bob' }],
    [{ nom: 'Alice', age: 31 }, { nom: 'Bob' }],
  ],
  ['repetition', BLOC, []],
];

/** Values each champ type refuses, with a word of the reason. */
const REFUSED: Array<[type: string, extra: Partial<ChampDescriptor>, value: unknown, reason: RegExp]> = [
  ['text', {}, 42, /texte/],
  ['text', {}, 'deux\nlignes', /une seule ligne/],
  ['text', {}, 'a'.repeat(10_001), /dépasser/],
  ['textarea', {}, 'bip\u0007', /invisibles/],
  ['formatted', { settings: { maxLength: 3 } }, 'abcd', /dépasser 3/],
  ['formatted', { settings: { numbersAccepted: false } }, 'abc1', /chiffres/],
  ['date', {}, '28/02/2026', /AAAA-MM-JJ/],
  ['date', {}, '2026-02-30', /date réelle/],
  ['date', {}, '2023-02-29', /date réelle/],
  ['datetime', {}, '2026-02-28', /heure/],
  ['datetime', {}, '2026-02-28T24:10', /heure/],
  ['decimal_number', {}, 'douze', /nombre/],
  ['decimal_number', {}, '12,5,3', /nombre/],
  ['integer_number', {}, 1.5, /entier/],
  ['integer_number', { settings: { max: 10 } }, 11, /inférieur ou égal à 10/],
  ['checkbox', {}, 'on', /coché/],
  ['civilite', {}, 'Monsieur', /M\./],
  ['email', {}, 'jeanne@exemple', /e-mail/],
  ['email', {}, 'jeanne dupont@exemple.fr', /e-mail/],
  ['phone', {}, '12345', /téléphone/],
  ['phone', {}, '+44 20 7946 0958', /français/],
  ['phone', {}, '06 12 34 56', /téléphone/],
  ['address', {}, { banId: 'x' }, /adresse/],
  ['address', {}, { label: 'Paris', banId: 'x', coordinates: [200, 48] }, /coordonnées/],
  ['yes_no', {}, 'oui', /oui ou non/],
  ['drop_down_list', { options: LISTE }, '--Fruits--', /séparateur/],
  ['drop_down_list', { options: LISTE }, 'Banane', /pas un choix/],
  ['multiple_drop_down_list', { options: LISTE }, ['Pomme', '--Légumes--'], /hors de la liste/],
  ['multiple_drop_down_list', { options: LISTE }, 'Pomme', /liste de choix/],
  [
    'linked_drop_down_list',
    { options: LIEE },
    { primary: 'Bretagne', secondary: 'Toulouse' },
    /pas un choix proposé/,
  ],
  ['linked_drop_down_list', { options: LIEE }, { primary: 'Rennes', secondary: '' }, /premier menu/],
  ['linked_drop_down_list', { options: LIEE }, 'Rennes', /deux menus/],
  ['pays', {}, 'XX', /ISO/],
  ['pays', {}, 'FRA', /ISO/],
  ['regions', {}, 'Bretagne', /code de région/],
  ['departements', {}, '20', /code de département/],
  ['communes', {}, 'Lyon', /INSEE/],
  ['communes', {}, { code: '69123', postcode: '690' }, /code postal/],
  ['epci', {}, '2000469', /SIREN/],
  ['header_section', {}, 'texte', /pas de valeur/],
  ['explication', {}, true, /pas de valeur/],
  ['dossier_link', {}, 'abc', /numéro de dossier/],
  ['dossier_link', {}, -3, /numéro de dossier/],
  ['piece_justificative', {}, ['a1'], /fichiers joints/],
  ['piece_justificative', {}, { attachmentIds: ['../etc/passwd'] }, /identifiant/],
  ['siret', {}, '7328293200007', /14 chiffres/],
  ['siret', {}, '73282932000075', /clé de contrôle/],
  ['siret', {}, '35600000000049', /clé de contrôle/],
  ['iban', {}, 'FR14 2004 1010 0505 0001 3M02 607', /IBAN/],
  ['carte', {}, POLYGONE, /FeatureCollection/],
  ['carte', {}, { type: 'FeatureCollection', features: [POLYGONE.geometry] }, /Feature/],
  ['repetition', BLOC, { nom: 'Alice' }, /liste de lignes/],
  ['repetition', BLOC, [{ nom: 'Alice', age: 'trente' }], /ligne 1, « Âge » doit être un nombre entier/],
  ['repetition', BLOC, [{ nom: 'Alice' }, { inconnu: 'x' }], /ligne 2/],
  [
    'repetition',
    { children: [champ('repetition', { id: 'sous-bloc' })] },
    [{ 'sous-bloc': [] }],
    /ne peut pas être répété/,
  ],
];

describe('champ values, for every champ type of the form builder', () => {
  it('has a validator and accepted and refused samples for every type', () => {
    expect(Object.keys(SHAPES).sort()).toEqual([...TYPES_DE_CHAMP_CONNUS].sort());
    const withValue = TYPES_DE_CHAMP_CONNUS.filter((t) => t !== 'header_section' && t !== 'explication');
    expect(new Set(ACCEPTED.map(([type]) => type))).toEqual(new Set(withValue));
    expect(new Set(REFUSED.map(([type]) => type))).toEqual(new Set(TYPES_DE_CHAMP_CONNUS));
  });

  // Every row gets its 4th column, so jest never mistakes a missing one for a `done` callback.
  const accepted = ACCEPTED.map(
    ([type, extra, value, stored]) => [type, extra, value, stored ?? value] as const,
  );

  it.each(accepted)('accepts a %s value %j', (type, extra, value, stored) => {
    const verdict = validerForme(champ(type, extra), value);
    expect(verdict).toEqual({ ok: true, value: stored });
  });

  it.each(REFUSED)('refuses a %s value %j', (type, extra, value, reason) => {
    const verdict = validerForme(champ(type, extra), value);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toMatch(reason);
  });

  it('accepts again every value it stored (normalisation is stable)', () => {
    for (const [type, extra, value] of ACCEPTED) {
      const first = validerForme(champ(type, extra), value);
      if (!first.ok) throw new Error(`${type} refused`);
      expect(validerForme(champ(type, extra), first.value)).toEqual(first);
    }
  });

  it('refuses a type it does not know rather than storing it unchecked', () => {
    expect(validerForme(champ('rna'), 'W123')).toMatchObject({ ok: false, reason: /type inconnu/ });
  });
});

describe(afficherValeur.name, () => {
  it.each<[string, Partial<ChampDescriptor>, unknown, string]>([
    ['yes_no', {}, true, 'Oui'],
    ['checkbox', {}, false, 'Non'],
    ['multiple_drop_down_list', {}, ['Pomme', 'Carotte'], 'Pomme, Carotte'],
    ['linked_drop_down_list', {}, { primary: 'Bretagne', secondary: 'Rennes' }, 'Bretagne / Rennes'],
    [
      'address',
      {},
      { label: '20 Avenue de Ségur 75007 Paris', manual: false, verified: true },
      '20 Avenue de Ségur 75007 Paris',
    ],
    ['departements', {}, { code: '2B', nom: 'Haute-Corse' }, 'Haute-Corse (2B)'],
    [
      'communes',
      {},
      { code: '69123', nom: 'Lyon', departement: '69', postcode: '69001' },
      'Lyon (69123, 69001)',
    ],
    ['dossier_link', {}, 12, 'Dossier n° 12'],
    ['piece_justificative', {}, { attachmentIds: ['a', 'b'] }, '2 fichier(s) joint(s)'],
    ['carte', {}, { type: 'FeatureCollection', features: [POLYGONE] }, '1 tracé(s) sur la carte'],
    [
      'repetition',
      BLOC,
      [{ nom: 'Alice', age: 31 }, { nom: 'Bob' }],
      'Ligne 1 — Nom : Alice ; Âge : 31\nLigne 2 — Nom : Bob',
    ],
    ['text', {}, null, ''],
  ])('shows a %s value as people read it', (type, extra, value, shown) => {
    expect(afficherValeur(champ(type, extra), value as never)).toBe(shown);
  });
});
