import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';

/**
 * A unique prefix for the databases, Kafka topics, consumer groups and queues of one test file,
 * so test files never see each other's data and may run in parallel against the same infrastructure.
 */
export function testNamespace(testFile: string): string {
  const stem = basename(testFile)
    .replace(/\.(int-spec|e2e-spec|spec)\.ts$/, '')
    .replace(/[^a-z0-9]+/gi, '_')
    .toLowerCase()
    .slice(0, 24);
  return `t_${stem}_${randomBytes(3).toString('hex')}_`;
}
