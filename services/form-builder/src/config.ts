import {
  httpEnvFor,
  internalAuthEnv,
  kafkaEnv,
  loadConfig,
  mongoEnv,
  positiveInt,
  s3Env,
} from '@demarches/platform-config';
import { z } from 'zod';

const schema = httpEnvFor('form-builder', 3002, 9466)
  .merge(mongoEnv.extend({ MONGO_DATABASE: z.string().min(1).default('demarches_form_builder') }))
  .merge(kafkaEnv)
  .merge(internalAuthEnv)
  // Logos, notices and cadre juridique documents of the démarches.
  .merge(s3Env.extend({ S3_BUCKET: z.string().min(3).default('demarches-form-builder') }))
  .extend({
    // Period of the sweep closing démarches at their date limite de dépôt (ADR 0011); the reference checks every minute.
    AUTO_CLOSE_SWEEP_MS: positiveInt(60_000),
  });

export type FormBuilderConfig = z.infer<typeof schema>;

export function loadFormBuilderConfig(env?: NodeJS.ProcessEnv): FormBuilderConfig {
  return loadConfig(schema, env);
}
