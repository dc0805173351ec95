// Creates the missing Kafka topics and grows partition counts; never deletes or shrinks anything.
// Run by the chart's topic Job with `node -e`, from a service image (which ships kafkajs).
// Input: KAFKA_BROKERS (comma list), TOPICS (JSON array of { topic, numPartitions, replicationFactor, configEntries }).
const { Kafka, logLevel } = require('kafkajs');

async function main() {
  const brokers = (process.env.KAFKA_BROKERS || '')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  const wanted = JSON.parse(process.env.TOPICS || '[]');
  if (brokers.length === 0 || wanted.length === 0) throw new Error('KAFKA_BROKERS and TOPICS are required');
  const kafka = new Kafka({
    clientId: 'demarches-topic-job',
    brokers,
    logLevel: logLevel.WARN,
    retry: { retries: 8 },
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((t) => !existing.has(t.topic));
    if (missing.length > 0) {
      await admin.createTopics({ topics: missing, waitForLeaders: true });
    }
    const { topics } = await admin.fetchTopicMetadata({ topics: wanted.map((t) => t.topic) });
    const grow = [];
    for (const t of topics) {
      const want = wanted.find((w) => w.topic === t.name).numPartitions;
      if (t.partitions.length < want) grow.push({ topic: t.name, count: want });
    }
    if (grow.length > 0) await admin.createPartitions({ topicPartitions: grow });
    console.log(
      JSON.stringify({ msg: 'kafka topics ready', created: missing.map((t) => t.topic), grown: grow }),
    );
  } finally {
    await admin.disconnect();
  }
}

main().catch((err) => {
  console.error(
    JSON.stringify({ msg: 'kafka topic job failed', error: String(err && err.stack ? err.stack : err) }),
  );
  process.exit(1);
});
