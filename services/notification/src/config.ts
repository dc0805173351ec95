import {
  httpEnvFor,
  internalAuthEnv,
  kafkaEnv,
  loadConfig,
  mailSender,
  mongoEnv,
  positiveInt,
  redisEnv,
  smtpEnv,
} from '@demarches/platform-config';
import { z } from 'zod';

export const notificationEnv = httpEnvFor('notification', 3006, 9470)
  .merge(mongoEnv.extend({ MONGO_DATABASE: z.string().min(1).default('demarches_notification') }))
  .merge(kafkaEnv)
  .merge(redisEnv)
  .merge(internalAuthEnv)
  .merge(smtpEnv.extend({ SMTP_FROM: mailSender().default('Démarches <ne-pas-repondre@demarches.gouv.fr>') }))
  .extend({
    // Public address of the platform (the gateway); used for the --lien dossier-- balise.
    PUBLIC_URL: z.string().url().default('http://127.0.0.1:3000'),
    // Bounded retries of one e-mail (BullMQ attempts, exponential backoff from EMAIL_BACKOFF_MS).
    EMAIL_MAX_ATTEMPTS: positiveInt(5),
    EMAIL_BACKOFF_MS: positiveInt(2_000),
    EMAIL_CONCURRENCY: positiveInt(5),
  });

export type NotificationConfig = z.infer<typeof notificationEnv>;

export function loadNotificationConfig(env?: NodeJS.ProcessEnv): NotificationConfig {
  return loadConfig(notificationEnv, env);
}
