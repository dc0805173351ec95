import type { Admin, Kafka } from 'kafkajs';

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
          // kafkajs's own wait only retries LEADER_NOT_AVAILABLE; a KRaft broker may first answer
          // UNKNOWN_TOPIC_OR_PARTITION for a just-created topic, so we wait ourselves below.
          waitForLeaders: false,
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
    // When another service created a topic a moment ago, TOPIC_ALREADY_EXISTS comes back before its partitions have
    // leaders, and subscribing then fails with "This server does not host this topic-partition": wait for them.
    await waitForLeaders(admin, wanted, LEADER_WAIT_MS);
    return missing;
  } finally {
    await admin.disconnect();
  }
}

const LEADER_WAIT_MS = 30_000;

async function waitForLeaders(admin: Admin, topics: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
      const ready = metadata.every(
        (topic) => topic.partitions.length > 0 && topic.partitions.every((p) => p.leader >= 0),
      );
      if (ready) return;
    } catch (error: unknown) {
      if (Date.now() >= deadline) throw error;
    }
    if (Date.now() >= deadline)
      throw new Error(`topics without leaders after ${timeoutMs} ms: ${topics.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
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
