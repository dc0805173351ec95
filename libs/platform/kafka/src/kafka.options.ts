import type { KafkaEnv } from '@demarches/platform-config';

export interface KafkaModuleOptions {
  /** KAFKA_CLIENT_ID, usually the service name. */
  clientId: string;
  brokers: string[];
  /** The service name; the consumer group is `<topicPrefix><groupId>` (docs/platform-libraries.md). */
  groupId: string;
  /** KAFKA_TOPIC_PREFIX: empty in production, unique per test file. Prepended to every topic and group. */
  topicPrefix?: string;
  /** Create missing topics (and their .dlt / .reply) at start; off where an operator job owns topics. */
  ensureTopics?: boolean;
  /** Partitions and replication factor for topics this service creates (3 and 1 locally). */
  topicPartitions?: number;
  topicReplicationFactor?: number;
  consumer?: {
    /** Handler attempts before a message goes to the dead-letter topic (default 3). */
    maxAttempts?: number;
    /** First retry delay, doubled each attempt (default 200 ms). */
    retryBackoffMs?: number;
    /** Partitions processed in parallel by one consumer (default 3). */
    partitionsConsumedConcurrently?: number;
    /** How long dedupe records of processed events are kept (default 14 days, twice Kafka's default retention). */
    processedEventsRetentionMs?: number;
    /** How often old dedupe records are purged (default 1 hour). */
    processedEventsPurgeIntervalMs?: number;
  };
  relay?: {
    /** Poll interval of the outbox relay (default 200 ms); writes through VersionedRepository also wake it. */
    intervalMs?: number;
    /** Documents per poll and collection (default 100). */
    batchSize?: number;
    /** Upper bound of the retry backoff while Kafka is unreachable (default 5000 ms). */
    maxBackoffMs?: number;
  };
  /** Default timeout of CommandClient.send (default 10000 ms). */
  commandTimeoutMs?: number;
}

/**
 * Maps the kafkaEnv config fragment to the options every service passes: the client id is KAFKA_CLIENT_ID or else
 * the service name, and the consumer group is the service name (docs/platform-libraries.md).
 */
export function kafkaOptionsFromEnv(
  env: KafkaEnv & { SERVICE_NAME: string },
): Pick<KafkaModuleOptions, 'clientId' | 'brokers' | 'groupId' | 'topicPrefix'> {
  return {
    clientId: env.KAFKA_CLIENT_ID ?? env.SERVICE_NAME,
    brokers: env.KAFKA_BROKERS,
    groupId: env.SERVICE_NAME,
    topicPrefix: env.KAFKA_TOPIC_PREFIX,
  };
}

export const KAFKA_OPTIONS = 'demarches:KAFKA_OPTIONS';
export const KAFKA_CLIENT = 'demarches:KAFKA_CLIENT';

export type ResolvedKafkaOptions = Required<Omit<KafkaModuleOptions, 'consumer' | 'relay'>> & {
  consumer: Required<NonNullable<KafkaModuleOptions['consumer']>>;
  relay: Required<NonNullable<KafkaModuleOptions['relay']>>;
};

export function resolveKafkaOptions(options: KafkaModuleOptions): ResolvedKafkaOptions {
  return {
    clientId: options.clientId,
    brokers: options.brokers,
    groupId: options.groupId,
    topicPrefix: options.topicPrefix ?? '',
    ensureTopics: options.ensureTopics ?? true,
    topicPartitions: options.topicPartitions ?? 3,
    topicReplicationFactor: options.topicReplicationFactor ?? 1,
    commandTimeoutMs: options.commandTimeoutMs ?? 10_000,
    consumer: {
      maxAttempts: options.consumer?.maxAttempts ?? 3,
      retryBackoffMs: options.consumer?.retryBackoffMs ?? 200,
      partitionsConsumedConcurrently: options.consumer?.partitionsConsumedConcurrently ?? 3,
      processedEventsRetentionMs: options.consumer?.processedEventsRetentionMs ?? 14 * 86_400_000,
      processedEventsPurgeIntervalMs: options.consumer?.processedEventsPurgeIntervalMs ?? 3_600_000,
    },
    relay: {
      intervalMs: options.relay?.intervalMs ?? 200,
      batchSize: options.relay?.batchSize ?? 100,
      maxBackoffMs: options.relay?.maxBackoffMs ?? 5000,
    },
  };
}
