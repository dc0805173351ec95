import { Logger } from '@nestjs/common';
import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import type { ResolvedKafkaOptions } from '../kafka.options';

/**
 * One kafkajs client per application. kafkajs logs through Nest's logger (hence pino in services);
 * its INFO chatter (every join, every connect) is dropped.
 */
export function createKafkaClient(options: ResolvedKafkaOptions): Kafka {
  const logger = new Logger('kafkajs');
  // kafkajs logs every failed connection attempt at ERROR; during a broker outage that is one line per retry.
  // Our own code logs the failures that matter (relay, consumer), so kafkajs lines are warnings, once per 10 s each.
  const lastLogged = new Map<string, number>();
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    connectionTimeout: 3000,
    requestTimeout: 10_000,
    retry: { initialRetryTime: 300, maxRetryTime: 5000, retries: 8 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ namespace, log }: LogEntry) => {
        const { message } = log;
        const key = `${namespace}:${message}`;
        const now = Date.now();
        if ((lastLogged.get(key) ?? 0) > now - 10_000) return;
        lastLogged.set(key, now);
        logger.warn(`${namespace}: ${message}`);
      },
  });
}
