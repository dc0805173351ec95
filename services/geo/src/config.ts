import { z } from 'zod';
import { httpEnvFor, internalAuthEnv, kafkaEnv, mongoEnv } from '@demarches/platform-config';
import { adresseEnv } from './adresse/adresse.config';
import { cadastreEnv } from './cadastre/cadastre.config';

/**
 * Geo serves reference data from memory. Kafka carries the CommuneLookup request-reply command; MongoDB (its own
 * database, per the architecture) holds, for now, only the Kafka consumer's processed-message store.
 */
export const geoConfigSchema = httpEnvFor('geo', 3008, 9472)
  .merge(mongoEnv.extend({ MONGO_DATABASE: z.string().min(1).default('demarches_geo') }))
  .merge(kafkaEnv)
  .merge(internalAuthEnv)
  .merge(adresseEnv)
  .merge(cadastreEnv)
  .extend({
    // Imported GPX/KML files and drawn GeoJSON may reach 1 MB each (carte/carte.limits.ts) plus the JSON envelope:
    // a larger body limit lets the carte rules answer with their coded error instead of a bare 413.
    HTTP_BODY_LIMIT: z
      .string()
      .regex(/^\d+(b|kb|mb)$/i, { message: 'must look like 1mb or 512kb' })
      .default('2mb'),
  });

export type GeoConfig = z.infer<typeof geoConfigSchema>;
