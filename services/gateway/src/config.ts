import { z } from 'zod';
import {
  flag,
  httpEnvFor,
  internalAuthEnv,
  oidcEnv,
  positiveInt,
  redisEnv,
} from '@demarches/platform-config';

const internalUrl = (fallback: string) => z.string().url().default(fallback);

/** Gateway settings: OIDC validation of user tokens, internal service addresses, rate limits. */
export const gatewayConfigSchema = httpEnvFor('gateway', 3000, 9464)
  .merge(redisEnv)
  .merge(oidcEnv.extend({ OIDC_AUDIENCE: z.string().min(1).default('demarches-gateway') }))
  .merge(internalAuthEnv)
  .extend({
    IDENTITY_URL: internalUrl('http://127.0.0.1:3001'),
    FORM_BUILDER_URL: internalUrl('http://127.0.0.1:3002'),
    DOSSIER_URL: internalUrl('http://127.0.0.1:3003'),
    INSTRUCTION_URL: internalUrl('http://127.0.0.1:3004'),
    MESSAGING_URL: internalUrl('http://127.0.0.1:3005'),
    EXPORT_URL: internalUrl('http://127.0.0.1:3007'),
    GEO_URL: internalUrl('http://127.0.0.1:3008'),
    /** Upper bound for an upstream to start answering; streaming bodies are not cut by it. */
    UPSTREAM_TIMEOUT_MS: positiveInt(30_000),
    RATE_LIMIT_ENABLED: flag(true),
    RATE_LIMIT_WINDOW_S: positiveInt(60),
    RATE_LIMIT_AUTHENTICATED: positiveInt(600),
    RATE_LIMIT_ANONYMOUS: positiveInt(120),
    /** Sign-in and account routes, per client IP (reference: 25 requests per 15 s). */
    RATE_LIMIT_ACCOUNT: positiveInt(25),
    RATE_LIMIT_ACCOUNT_WINDOW_S: positiveInt(15),
    /** Calls made with an API token, per token (reference: 400 per minute). */
    RATE_LIMIT_API_TOKEN: positiveInt(400),
    RATE_LIMIT_API_TOKEN_WINDOW_S: positiveInt(60),
    /** How long the gateway trusts identity's answer about an API token: also the revocation delay. */
    API_TOKEN_CACHE_TTL_S: z.coerce.number().int().min(0).max(300).default(30),
    API_TOKEN_VERIFY_TIMEOUT_MS: positiveInt(3000),
    /**
     * Comma-separated clients whose tokens never carry agent roles (ADR 0017): production lists the password-grant
     * client, which skips the agents' second factor. Empty (allowed) for development, the seed and tests.
     */
    CLIENTS_WITHOUT_AGENT_ROLES: z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((client) => client.trim())
          .filter((client) => client.length > 0),
      ),
    /** Strict-Transport-Security max-age: one year by default. */
    HSTS_MAX_AGE_S: positiveInt(31_536_000),
  });

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
