// Addresses of the real local infrastructure started by deploy/local/infra.sh (see README ports table).
export const localInfrastructure = {
  mongoUrl: process.env.TEST_MONGO_URL ?? 'mongodb://127.0.0.1:27017/',
  kafkaBrokers: (process.env.TEST_KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
  redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
  s3: {
    endpoint: process.env.TEST_S3_ENDPOINT ?? 'http://127.0.0.1:7070',
    region: 'us-east-1',
    accessKey: process.env.TEST_S3_ACCESS_KEY ?? 'demarches-local',
    secretKey: process.env.TEST_S3_SECRET_KEY ?? 'demarches-local-secret',
  },
  smtp: { host: '127.0.0.1', port: 1025 },
  mailApiUrl: process.env.TEST_MAIL_API_URL ?? 'http://127.0.0.1:8025',
  keycloakUrl: process.env.TEST_KEYCLOAK_URL ?? 'http://127.0.0.1:8180',
  franceConnectUrl: process.env.TEST_FRANCECONNECT_URL ?? 'http://127.0.0.1:8280',
} as const;
