import { z } from 'zod';
import { httpEnvFor, internalAuthEnv, kafkaEnv, mongoEnv, redisEnv } from '@demarches/platform-config';

export const identityConfigSchema = httpEnvFor('identity', 3001, 9465)
  .merge(mongoEnv.extend({ MONGO_DATABASE: z.string().min(1).default('demarches_identity') }))
  .merge(internalAuthEnv)
  // Groupes instructeurs (form-builder) and dossier events (invités, states for the deletion rule).
  .merge(kafkaEnv)
  // BullMQ: the API token expiry-notice sweep (ADR 0018) and the Keycloak events import (ADR 0017).
  .merge(redisEnv)
  .extend({
    /** Keycloak admin REST API through the identity service account (realm client demarches-identity). */
    KEYCLOAK_URL: z.string().url().default('http://127.0.0.1:8180'),
    KEYCLOAK_REALM: z.string().min(1).default('demarches'),
    KEYCLOAK_CLIENT_ID: z.string().min(1).default('demarches-identity'),
    KEYCLOAK_CLIENT_SECRET: z.string().min(1).default('identity-dev-secret'),
    /** Validity of the invitation link sent to a new agent (Keycloak execute-actions e-mail), in seconds. */
    AGENT_INVITATION_LIFESPAN_S: z.coerce.number().int().min(3600).max(2_592_000).default(259_200),
    /** HMAC key of stored API token secrets (ADR 0018); derived from INTERNAL_TOKEN_SECRET when unset (local). */
    API_TOKEN_HASH_KEY: z.string().min(32).optional(),
    /** Period of the API token expiry-notice sweep (BullMQ job scheduler), an hour by default. */
    API_TOKEN_EXPIRY_SWEEP_EVERY_MS: z.coerce.number().int().min(1000).default(3_600_000),
    /** Period of the import of Keycloak's events into the audit trail (BullMQ job scheduler), a minute by default. */
    AUDIT_IMPORT_EVERY_MS: z.coerce.number().int().min(1000).default(60_000),
  });

export type IdentityConfig = z.infer<typeof identityConfigSchema>;
