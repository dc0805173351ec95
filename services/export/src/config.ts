import {
  httpEnvFor,
  internalAuthEnv,
  kafkaEnv,
  loadConfig,
  mongoEnv,
  positiveInt,
  redisEnv,
  s3Env,
} from '@demarches/platform-config';
import { z } from 'zod';

export const exportEnv = httpEnvFor('export', 3007, 9471)
  .merge(mongoEnv.extend({ MONGO_DATABASE: z.string().min(1).default('demarches_export') }))
  .merge(kafkaEnv)
  .merge(redisEnv)
  .merge(internalAuthEnv)
  .merge(s3Env.extend({ S3_BUCKET: z.string().min(3).default('demarches-exports') }))
  .extend({
    // Download links are short-lived: whoever holds one can read the file.
    EXPORT_URL_TTL_S: positiveInt(300),
    EXPORT_MAX_ATTEMPTS: positiveInt(3),
    EXPORT_BACKOFF_MS: positiveInt(5_000),
    EXPORT_CONCURRENCY: positiveInt(2),
  });

export type ExportConfig = z.infer<typeof exportEnv>;

export function loadExportConfig(env?: NodeJS.ProcessEnv): ExportConfig {
  return loadConfig(exportEnv, env);
}
