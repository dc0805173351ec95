import { z } from 'zod';

/** A TCP port; `fallback` only for local defaults that are harmless everywhere. */
export function port(fallback?: number) {
  const schema = z.coerce.number().int().min(0).max(65535);
  return fallback === undefined ? schema : schema.default(fallback);
}

/** "true"/"false"/"1"/"0"/"yes"/"no"; z.coerce.boolean() would read "false" as true. */
export function flag(fallback: boolean) {
  return z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
    .transform((v) => v === 'true' || v === '1' || v === 'yes')
    .default(fallback ? 'true' : 'false');
}

/** A comma-separated list with blanks dropped: "a, b,,c" -> ['a','b','c']. */
export function commaList(fallback?: string) {
  const base = fallback === undefined ? z.string() : z.string().default(fallback);
  return base
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
    )
    .refine((list) => list.length > 0, { message: 'must list at least one value' });
}

export function positiveInt(fallback: number) {
  return z.coerce.number().int().positive().default(fallback);
}

const emailAddress = z.string().email();
const NAMED_ADDRESS = /^([^<>]*\S[^<>]*?)\s*<([^<>]+)>$/;

/** A mail sender as SMTP and mail clients write it: `ne-pas-repondre@exemple.fr` or `Démarches <ne-pas-repondre@exemple.fr>`. */
export function mailSender() {
  return z.string().refine(
    (value) => {
      const named = NAMED_ADDRESS.exec(value.trim());
      return emailAddress.safeParse(named ? named[2] : value.trim()).success;
    },
    { message: 'must be an address or "Name <address>"' },
  );
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const httpEnv = z.object({
  SERVICE_NAME: z.string().min(1),
  // Loopback by default: locally nothing is reachable from outside; containers set 0.0.0.0.
  HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  HTTP_PORT: port(3000),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  METRICS_PORT: port(9464),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  SHUTDOWN_TIMEOUT_MS: positiveInt(10_000),
  HTTP_BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, { message: 'must look like 1mb or 512kb' })
    .default('1mb'),
});

/** httpEnv with the service's own name and ports as defaults (see the ports table in docs/platform-libraries.md). */
export function httpEnvFor(service: string, httpPort: number, metricsPort: number) {
  return httpEnv.extend({
    SERVICE_NAME: z.string().min(1).default(service),
    HTTP_PORT: port(httpPort),
    METRICS_PORT: port(metricsPort),
  });
}

export const mongoEnv = z.object({
  MONGO_URL: z.string().url().default('mongodb://127.0.0.1:27017/'),
  MONGO_DATABASE: z.string().min(1),
});

export const kafkaEnv = z.object({
  KAFKA_BROKERS: commaList('127.0.0.1:9092'),
  /** Optional: services fall back to SERVICE_NAME. */
  KAFKA_CLIENT_ID: z.string().min(1).optional(),
  KAFKA_TOPIC_PREFIX: z.string().default(''),
});

export const redisEnv = z.object({
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z.string().min(1).default('demarches'),
});

export const s3Env = z.object({
  S3_ENDPOINT: z.string().url().default('http://127.0.0.1:7070'),
  /** The address browsers use for presigned URLs when it differs from the in-cluster one. */
  S3_PUBLIC_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY: z.string().min(1),
  S3_SECRET_KEY: z.string().min(1),
  S3_BUCKET: z.string().min(3),
  S3_FORCE_PATH_STYLE: flag(true),
});

export const smtpEnv = z.object({
  SMTP_HOST: z.string().min(1).default('127.0.0.1'),
  SMTP_PORT: port(1025),
  SMTP_FROM: mailSender(),
  SMTP_SECURE: flag(false),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
});

export const oidcEnv = z.object({
  OIDC_ISSUER: z.string().url(),
  OIDC_AUDIENCE: z.string().min(1),
  OIDC_JWKS_URL: z.string().url().optional(),
  OIDC_CLOCK_TOLERANCE_S: z.coerce.number().int().min(0).max(300).default(5),
});

export const internalAuthEnv = z.object({
  // Shared by the gateway (signs) and every service (verifies); 32 chars = 256 bits for HS256.
  INTERNAL_TOKEN_SECRET: z.string().min(32),
});

export type HttpEnv = z.infer<typeof httpEnv>;
export type MongoEnv = z.infer<typeof mongoEnv>;
export type KafkaEnv = z.infer<typeof kafkaEnv>;
export type RedisEnv = z.infer<typeof redisEnv>;
export type S3Env = z.infer<typeof s3Env>;
export type SmtpEnv = z.infer<typeof smtpEnv>;
export type OidcEnv = z.infer<typeof oidcEnv>;
export type InternalAuthEnv = z.infer<typeof internalAuthEnv>;
