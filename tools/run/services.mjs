// The platform's services, their local ports and the environment they run with on this machine.
// One table, used by serve.mjs (one service in the foreground) and platform.mjs (all of them in the background).
export const SERVICES = [
  { name: 'identity', port: 3001, metricsPort: 9465 },
  { name: 'form-builder', port: 3002, metricsPort: 9466 },
  { name: 'dossier', port: 3003, metricsPort: 9467 },
  { name: 'instruction', port: 3004, metricsPort: 9468 },
  { name: 'messaging', port: 3005, metricsPort: 9469 },
  { name: 'notification', port: 3006, metricsPort: 9470 },
  { name: 'export', port: 3007, metricsPort: 9471 },
  { name: 'geo', port: 3008, metricsPort: 9472 },
  // The gateway starts last: it is the public entry and proxies to the others.
  { name: 'gateway', port: 3000, metricsPort: 9464 },
];

/** Local development values only. Production values come from the Helm chart (helm/demarches/values.yaml). */
export const SHARED_LOCAL_ENV = {
  NODE_ENV: 'development',
  LOG_LEVEL: 'info',
  HTTP_HOST: '127.0.0.1',
  MONGO_URL: 'mongodb://127.0.0.1:27017/',
  KAFKA_BROKERS: '127.0.0.1:9092',
  KAFKA_TOPIC_PREFIX: '',
  REDIS_URL: 'redis://127.0.0.1:6379',
  QUEUE_PREFIX: 'demarches',
  S3_ENDPOINT: 'http://127.0.0.1:7070',
  S3_REGION: 'us-east-1',
  S3_ACCESS_KEY: 'demarches-local',
  S3_SECRET_KEY: 'demarches-local-secret',
  S3_BUCKET: 'demarches-local',
  S3_FORCE_PATH_STYLE: 'true',
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: '1025',
  SMTP_SECURE: 'false',
  SMTP_FROM: 'Démarches <ne-pas-repondre@demarches.gouv.fr>',
  OIDC_ISSUER: 'http://127.0.0.1:8180/realms/demarches',
  OIDC_AUDIENCE: 'demarches-gateway',
  INTERNAL_TOKEN_SECRET: 'local-only-internal-token-secret-0123456789abcdef',
  PUBLIC_URL: 'http://127.0.0.1:3000',
  ...Object.fromEntries(
    [
      ['IDENTITY', 3001],
      ['FORM_BUILDER', 3002],
      ['DOSSIER', 3003],
      ['INSTRUCTION', 3004],
      ['MESSAGING', 3005],
      ['NOTIFICATION', 3006],
      ['EXPORT', 3007],
      ['GEO', 3008],
    ].map(([name, port]) => [`${name}_URL`, `http://127.0.0.1:${port}`]),
  ),
};

/**
 * Local values of one service only. dossier: API Entreprise is the local fake
 * (services/dossier/src/testing/fake-api-entreprise.main.ts, port 3090), which e2e/dossier.e2e-spec.ts starts for its
 * run; when it is not running, lookups fail fast and dossier runs in degraded mode (verified=false), as with the real
 * API down. The deadline and retention sweep runs every 10 s so e2e tests see it act (docs/testing.md).
 */
export const SERVICE_LOCAL_ENV = {
  dossier: {
    API_ENTREPRISE_URL: 'http://127.0.0.1:3090',
    API_ENTREPRISE_TOKEN: 'fake-api-entreprise-token',
    API_ENTREPRISE_TIMEOUT_MS: '1000',
    ECHEANCES_SWEEP_EVERY_MS: '10000',
  },
};

export function serviceEnv(service, overrides = {}) {
  return {
    ...SHARED_LOCAL_ENV,
    SERVICE_NAME: service.name,
    HTTP_PORT: String(service.port),
    METRICS_PORT: String(service.metricsPort),
    MONGO_DATABASE: `demarches_${service.name.replace(/-/g, '_')}`,
    KAFKA_CLIENT_ID: service.name,
    ...SERVICE_LOCAL_ENV[service.name],
    ...overrides,
  };
}
