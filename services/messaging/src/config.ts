import { httpEnvFor, internalAuthEnv, kafkaEnv, loadConfig, mongoEnv } from '@demarches/platform-config';
import { z } from 'zod';

export const messagingEnv = httpEnvFor('messaging', 3005, 9469)
  .merge(mongoEnv.extend({ MONGO_DATABASE: z.string().min(1).default('demarches_messaging') }))
  .merge(kafkaEnv)
  .merge(internalAuthEnv);

export type MessagingConfig = z.infer<typeof messagingEnv>;

export function loadMessagingConfig(env?: NodeJS.ProcessEnv): MessagingConfig {
  return loadConfig(messagingEnv, env);
}
