import { z } from 'zod';
import { positiveInt } from '@demarches/platform-config';

/** Base Adresse Nationale geocoder. Merged into the geo config schema (../config.ts). */
export const adresseEnv = z.object({
  // Same API shape at the Géoplateforme (https://data.geopf.fr/geocodage), where BAN is moving.
  BAN_URL: z.string().url().default('https://api-adresse.data.gouv.fr'),
  // An autocomplete answer later than this is useless to the usager typing: better degrade early.
  BAN_TIMEOUT_MS: positiveInt(1500),
  BAN_CACHE_SIZE: positiveInt(2000),
  BAN_CACHE_TTL_MS: positiveInt(10 * 60_000),
  BAN_BREAKER_THRESHOLD: positiveInt(5),
  BAN_BREAKER_COOLDOWN_MS: positiveInt(30_000),
});

export type AdresseEnv = z.infer<typeof adresseEnv>;
