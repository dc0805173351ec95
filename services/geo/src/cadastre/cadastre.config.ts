import { z } from 'zod';
import { positiveInt } from '@demarches/platform-config';

/** IGN API Carto, cadastre module. Merged into the geo config schema (../config.ts). */
export const cadastreEnv = z.object({
  CADASTRE_URL: z.string().url().default('https://apicarto.ign.fr/api/cadastre'),
  // Parcel lookups are not typed keystroke by keystroke and API Carto is slower than the BAN: a longer bound.
  CADASTRE_TIMEOUT_MS: positiveInt(5000),
  // API Carto's own page size (_limit); a larger area is reported as truncated rather than paged through.
  CADASTRE_MAX_PARCELLES: z.coerce.number().int().min(1).max(1000).default(500),
  CADASTRE_BREAKER_THRESHOLD: positiveInt(5),
  CADASTRE_BREAKER_COOLDOWN_MS: positiveInt(30_000),
});

export type CadastreEnv = z.infer<typeof cadastreEnv>;
