import { httpEnvFor, internalAuthEnv, kafkaEnv, loadConfig, mongoEnv } from '@demarches/platform-config';
import { z } from 'zod';

const schema = httpEnvFor('dossier', 3003, 9467)
  .merge(mongoEnv.extend({ MONGO_DATABASE: z.string().min(1).default('demarches_dossier') }))
  .merge(kafkaEnv)
  .merge(internalAuthEnv);

export type DossierConfig = z.infer<typeof schema>;

export function loadDossierConfig(env?: NodeJS.ProcessEnv): DossierConfig {
  return loadConfig(schema, env);
}
