import type { Kafka } from 'kafkajs';

/**
 * Creates the PHYSICAL topics that do not exist yet. Idempotent, and safe when several instances race
 * (TOPIC_ALREADY_EXISTS is not an error). Production may disable it (KafkaModuleOptions.ensureTopics) when a
 * Helm job owns topic creation.
 */
export async function ensureTopics(
  kafka: Kafka,
  topics: string[],
  options: { partitions: number; replicationFactor: number },
): Promise<string[]> {
  const wanted = [...new Set(topics)];
  if (wanted.length === 0) return [];
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((t) => !existing.has(t));
    if (missing.length > 0) {
      try {
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((topic) => ({
            topic,
            numPartitions: options.partitions,
            replicationFactor: options.replicationFactor,
          })),
        });
      } catch (error: unknown) {
        // Another instance (or the relay and the consumer of this one) created them first: that is the goal.
        if (!onlyAlreadyExists(error)) throw error;
      }
    }
    return missing;
  } finally {
    await admin.disconnect();
  }
}

function onlyAlreadyExists(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('errors' in error) || !Array.isArray(error.errors)) {
    return false;
  }
  const errors: unknown[] = error.errors;
  return (
    errors.length > 0 &&
    errors.every(
      (e) => typeof e === 'object' && e !== null && 'type' in e && e.type === 'TOPIC_ALREADY_EXISTS',
    )
  );
}
