/**
 * Champ types offered to administrateurs. Names follow the reference's `type_champ` values so the GraphQL API v2
 * (`TypeDeChamp` enum) can expose them unchanged. The seed lists types a–x; its « engagement » is a `checkbox`
 * (as in the reference); epci, iban and formatted are later additions of the reference.
 */
export const TYPES_DE_CHAMP = [
  'text',
  'textarea',
  'formatted',
  'date',
  'datetime',
  'decimal_number',
  'integer_number',
  'checkbox',
  'civilite',
  'email',
  'phone',
  'address',
  'yes_no',
  'drop_down_list',
  'multiple_drop_down_list',
  'linked_drop_down_list',
  'pays',
  'regions',
  'departements',
  'communes',
  'epci',
  'header_section',
  'explication',
  'dossier_link',
  'piece_justificative',
  'siret',
  'carte',
  'repetition',
  'iban',
] as const;

export type TypeDeChamp = (typeof TYPES_DE_CHAMP)[number];

/** Types that only display text to the usager and never hold a value (so they can never be mandatory). */
export const TYPES_SANS_VALEUR: ReadonlySet<TypeDeChamp> = new Set(['header_section', 'explication']);

export function isTypeDeChamp(value: string): value is TypeDeChamp {
  return (TYPES_DE_CHAMP as readonly string[]).includes(value);
}
