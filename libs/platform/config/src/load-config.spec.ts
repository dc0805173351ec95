import { z } from 'zod';
import { ConfigError } from './config.error';
import { httpEnv, httpEnvFor, internalAuthEnv, kafkaEnv, redisEnv, s3Env, smtpEnv } from './env-schemas';
import { loadConfig } from './load-config';

const schema = httpEnv.merge(internalAuthEnv).merge(s3Env).merge(kafkaEnv);

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error: unknown) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe(loadConfig.name, () => {
  const valid = {
    SERVICE_NAME: 'dossier',
    INTERNAL_TOKEN_SECRET: 'x'.repeat(32),
    S3_ACCESS_KEY: 'key',
    S3_SECRET_KEY: 'secret',
    S3_BUCKET: 'attachments',
  };

  it('lists every missing or invalid variable in one error, not only the first', () => {
    const error = configError(() =>
      loadConfig(schema, {
        HTTP_PORT: 'eighty',
        LOG_LEVEL: 'loud',
        INTERNAL_TOKEN_SECRET: 'short-secret-value',
        S3_FORCE_PATH_STYLE: 'maybe',
      }),
    );
    expect(error.issues.map((i) => i.variable).sort()).toEqual(
      [
        'HTTP_PORT',
        'INTERNAL_TOKEN_SECRET',
        'LOG_LEVEL',
        'S3_ACCESS_KEY',
        'S3_BUCKET',
        'S3_FORCE_PATH_STYLE',
        'S3_SECRET_KEY',
        'SERVICE_NAME',
      ].sort(),
    );
    expect(error.issues.find((i) => i.variable === 'SERVICE_NAME')?.reason).toBe('is required');
    expect(error.issues.find((i) => i.variable === 'INTERNAL_TOKEN_SECRET')?.reason).toBe(
      'must be at least 32 characters long',
    );
    expect(error.message).toContain(
      'LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent',
    );
  });

  it('never reveals the values of the variables it rejects', () => {
    const error = configError(() =>
      loadConfig(schema, { ...valid, INTERNAL_TOKEN_SECRET: 'hunter2-is-my-password', LOG_LEVEL: 'hunter3' }),
    );
    expect(error.message).not.toContain('hunter');
    expect(JSON.stringify(error.issues)).not.toContain('hunter');
  });

  it('applies the harmless local defaults and coerces types', () => {
    const config = loadConfig(schema, valid);
    expect(config).toMatchObject({
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: 3000,
      METRICS_PORT: 9464,
      LOG_LEVEL: 'info',
      SHUTDOWN_TIMEOUT_MS: 10_000,
      S3_ENDPOINT: 'http://127.0.0.1:7070',
      S3_FORCE_PATH_STYLE: true,
      KAFKA_BROKERS: ['127.0.0.1:9092'],
      KAFKA_TOPIC_PREFIX: '',
    });
  });

  it('treats an empty variable as unset, so it falls back to the default or is reported missing', () => {
    const config = loadConfig(redisEnv, { REDIS_URL: '', QUEUE_PREFIX: '' });
    expect(config).toEqual({ REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_PREFIX: 'demarches' });
    expect(configError(() => loadConfig(schema, { ...valid, S3_BUCKET: '' })).issues).toEqual([
      { variable: 'S3_BUCKET', reason: 'is required' },
    ]);
  });

  it('reads "false" as false and splits comma lists', () => {
    const config = loadConfig(schema, {
      ...valid,
      S3_FORCE_PATH_STYLE: 'false',
      KAFKA_BROKERS: 'k1:9092, k2:9092,',
    });
    expect(config.S3_FORCE_PATH_STYLE).toBe(false);
    expect(config.KAFKA_BROKERS).toEqual(['k1:9092', 'k2:9092']);
  });

  it("defaults a service's name and ports with httpEnvFor", () => {
    const config = loadConfig(httpEnvFor('dossier', 3003, 9467), {});
    expect(config).toMatchObject({ SERVICE_NAME: 'dossier', HTTP_PORT: 3003, METRICS_PORT: 9467 });
  });

  it('takes the SMTP sender as a bare address or as "Name <address>"', () => {
    expect(loadConfig(smtpEnv, { SMTP_FROM: 'ne-pas-repondre@demarches.gouv.fr' }).SMTP_FROM).toBe(
      'ne-pas-repondre@demarches.gouv.fr',
    );
    expect(
      loadConfig(smtpEnv, { SMTP_FROM: 'Démarches <ne-pas-repondre@demarches.gouv.fr>' }).SMTP_FROM,
    ).toBe('Démarches <ne-pas-repondre@demarches.gouv.fr>');
  });

  it.each(['Démarches', 'Démarches <pas-une-adresse>', '<ne-pas-repondre@demarches.gouv.fr> Démarches'])(
    'refuses the SMTP sender %j',
    (from) => {
      expect(configError(() => loadConfig(smtpEnv, { SMTP_FROM: from })).issues).toEqual([
        { variable: 'SMTP_FROM', reason: 'must be an address or "Name <address>"' },
      ]);
    },
  );

  it('keeps only the variables of the schema', () => {
    const config = loadConfig(z.object({ A: z.string() }), { A: 'a', PATH: '/usr/bin' });
    expect(config).toEqual({ A: 'a' });
  });
});
