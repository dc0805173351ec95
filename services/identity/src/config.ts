import { z } from 'zod';
import { httpEnvFor, internalAuthEnv, mongoEnv } from '@demarches/platform-config';

export const identityConfigSchema = httpEnvFor('identity', 3001, 9465)
  .merge(mongoEnv.extend({ MONGO_DATABASE: z.string().min(1).default('demarches_identity') }))
  .merge(internalAuthEnv);

export type IdentityConfig = z.infer<typeof identityConfigSchema>;
