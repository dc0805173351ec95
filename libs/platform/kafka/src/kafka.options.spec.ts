import { kafkaEnv, loadConfig } from '@demarches/platform-config';
import { kafkaOptionsFromEnv } from './kafka.options';

describe(kafkaOptionsFromEnv.name, () => {
  it('names the client and the consumer group after the service, under the topic prefix', () => {
    const env = loadConfig(kafkaEnv, { KAFKA_BROKERS: 'k1:9092,k2:9092', KAFKA_TOPIC_PREFIX: 't_x_' });
    expect(kafkaOptionsFromEnv({ ...env, SERVICE_NAME: 'dossier' })).toEqual({
      clientId: 'dossier',
      brokers: ['k1:9092', 'k2:9092'],
      groupId: 'dossier',
      topicPrefix: 't_x_',
    });
  });

  it('takes KAFKA_CLIENT_ID when set, without changing the consumer group', () => {
    const env = loadConfig(kafkaEnv, { KAFKA_CLIENT_ID: 'dossier-pod-1' });
    expect(kafkaOptionsFromEnv({ ...env, SERVICE_NAME: 'dossier' })).toMatchObject({
      clientId: 'dossier-pod-1',
      groupId: 'dossier',
      topicPrefix: '',
    });
  });
});
