import { httpEnvFor, internalAuthEnv, kafkaEnv, loadConfig, mongoEnv } from '@demarches/platform-config';
import { z } from 'zod';

const schema = httpEnvFor('form-builder', 3002, 9466)
  .merge(mongoEnv.extend({ MONGO_DATABASE: z.string().min(1).default('demarches_form_builder') }))
  .merge(kafkaEnv)
  .merge(internalAuthEnv);

export type FormBuilderConfig = z.infer<typeof schema>;

export function loadFormBuilderConfig(env?: NodeJS.ProcessEnv): FormBuilderConfig {
  return loadConfig(schema, env);
}
