import {
  httpEnvFor,
  internalAuthEnv,
  kafkaEnv,
  loadConfig,
  mongoEnv,
  positiveInt,
} from '@demarches/platform-config';
import { z } from 'zod';

const schema = httpEnvFor('instruction', 3004, 9468)
  .merge(mongoEnv.extend({ MONGO_DATABASE: z.string().min(1).default('demarches_instruction') }))
  .merge(kafkaEnv)
  .merge(internalAuthEnv)
  .extend({
    /** How long an instructeur's action waits for dossier's answer before the gateway gets a clear error. */
    COMMAND_TIMEOUT_MS: positiveInt(10_000),
  });

export type InstructionConfig = z.infer<typeof schema>;

export function loadInstructionConfig(env?: NodeJS.ProcessEnv): InstructionConfig {
  return loadConfig(schema, env);
}
