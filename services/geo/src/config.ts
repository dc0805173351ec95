import { z } from 'zod';
import { httpEnvFor, internalAuthEnv, kafkaEnv, mongoEnv } from '@demarches/platform-config';

/**
 * Geo serves reference data from memory. Kafka carries the CommuneLookup request-reply command; MongoDB (its own
 * database, per the architecture) holds, for now, only the Kafka consumer's processed-message store.
 */
export const geoConfigSchema = httpEnvFor('geo', 3008, 9472)
  .merge(mongoEnv.extend({ MONGO_DATABASE: z.string().min(1).default('demarches_geo') }))
  .merge(kafkaEnv)
  .merge(internalAuthEnv);

export type GeoConfig = z.infer<typeof geoConfigSchema>;
