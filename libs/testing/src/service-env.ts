import { localInfrastructure } from './local-infrastructure';

export const TEST_INTERNAL_TOKEN_SECRET = 'integration-tests-internal-token-secret-0123456789';

/** Environment for booting a service inside an integration test: real infrastructure, isolated names. */
export function serviceTestEnv(
  namespace: string,
  service: string,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  return {
    SERVICE_NAME: service,
    HTTP_PORT: '0',
    METRICS_PORT: '0',
    LOG_LEVEL: 'warn',
    MONGO_URL: localInfrastructure.mongoUrl,
    MONGO_DATABASE: `${namespace}${service.replace(/-/g, '_')}`,
    KAFKA_BROKERS: localInfrastructure.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: namespace,
    REDIS_URL: localInfrastructure.redisUrl,
    QUEUE_PREFIX: `${namespace}queue`,
    S3_ENDPOINT: localInfrastructure.s3.endpoint,
    S3_ACCESS_KEY: localInfrastructure.s3.accessKey,
    S3_SECRET_KEY: localInfrastructure.s3.secretKey,
    S3_BUCKET: `${namespace.replace(/_/g, '-')}bucket`.slice(0, 63),
    INTERNAL_TOKEN_SECRET: TEST_INTERNAL_TOKEN_SECRET,
    ...extra,
  };
}
