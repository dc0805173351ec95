import { z } from 'zod';

export const MAX_REFERENTIEL_LIMIT = 200;

/** `?q=&limit=` of the list endpoints: without `q` the whole (filtered) list, as a dropdown needs it. */
export const listQuery = z.object({
  q: z.string().trim().min(1, 'au moins 1 caractère').max(100).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_REFERENTIEL_LIMIT).optional(),
});

export type ListInput = z.infer<typeof listQuery>;

export const departementCode = z
  .string()
  .trim()
  .regex(/^(\d{2}|2[AB]|9[78]\d)$/i, 'un code de département, par exemple 69, 2A ou 974')
  .transform((code) => code.toUpperCase());

/** Searches when `q` is given, lists otherwise; both honour the filter and the limit. */
export function listOrSearch<T>(
  search: (q: string, limit: number) => T[],
  all: () => T[],
  { q, limit }: ListInput,
): T[] {
  if (q) return search(q, limit ?? MAX_REFERENTIEL_LIMIT);
  const items = all();
  return limit === undefined ? items : items.slice(0, limit);
}
