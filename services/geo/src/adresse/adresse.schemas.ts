import { z } from 'zod';
import { ADRESSE_TYPES } from './adresse.entity';

/** The BAN itself refuses q outside 3..200 characters; checking here spares a call and gives a French message. */
export const Q_MIN = 3;
export const Q_MAX = 200;
export const LIMIT_MAX = 20;
/** A postal address fits in a few lines; the bound keeps a free-text field from carrying a document. */
export const MANUAL_LABEL_MAX = 300;

const postcode = z.string().regex(/^\d{5}$/, 'un code postal a 5 chiffres, par exemple 75007');
const citycode = z
  .string()
  .regex(/^(\d{2}|2[AB])\d{3}$/i, 'un code INSEE a 5 caractères, par exemple 75107 ou 2A004');
const label = (max: number) =>
  z
    .string()
    .trim()
    .min(Q_MIN, `au moins ${Q_MIN} caractères`)
    .max(max, `au plus ${max} caractères`)
    // Control characters have no place in an address and would break exports (CSV, PDF).
    .refine((v) => !/[\p{Cc}]/u.test(v.replace(/[\t\r\n]/g, ' ')), 'caractères de contrôle interdits');

export const rechercheAdressesQuery = z.object({
  q: z
    .string()
    .trim()
    .min(Q_MIN, `au moins ${Q_MIN} caractères`)
    .max(Q_MAX, `au plus ${Q_MAX} caractères`)
    // The BAN answers 400 to a query with no letter or digit ("---"): catch it here.
    .regex(/[\p{L}\p{N}]/u, 'au moins une lettre ou un chiffre'),
  limit: z.coerce.number().int().min(1).max(LIMIT_MAX).default(5),
  postcode: postcode.optional(),
  citycode: citycode.optional(),
  type: z.enum(ADRESSE_TYPES).optional(),
  // Front-ends send autocomplete=0 for a final "search" button; keystrokes use the default.
  autocomplete: z
    .enum(['0', '1', 'true', 'false'])
    .transform((v) => v === '1' || v === 'true')
    .default('1'),
});

export const adresseSaisieSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ban'),
    // BAN ids: INSEE code, then "_"-separated street (FANTOIR or hash) and number parts.
    id: z.string().regex(/^[0-9A-Za-z_-]{5,64}$/, 'identifiant BAN invalide'),
    label: label(Q_MAX),
  }),
  z.object({
    kind: z.literal('manual'),
    label: label(MANUAL_LABEL_MAX),
    postcode: postcode.optional(),
    city: z.string().trim().min(1).max(100).optional(),
  }),
]);
