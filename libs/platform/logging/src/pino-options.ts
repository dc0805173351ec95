import type { DestinationStream, LoggerOptions } from 'pino';
import { correlationContext } from './correlation-context';

export interface LoggingOptions {
  service: string;
  level: string;
  /** Where lines go; stdout when absent. Tests pass a stream to read what was logged. */
  destination?: DestinationStream;
}

/** Headers that carry credentials or identity: never written to the logs, even at debug level. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-demarches-identity"]',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.authorization',
  '*.password',
  '*.secret',
];

/** Plain pino options shared by the HTTP logger and any standalone logger (scripts, workers). */
export function pinoOptions({ service, level }: LoggingOptions): LoggerOptions {
  return {
    level,
    base: { service },
    messageKey: 'msg',
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // Every line written while handling a request, a Kafka message or a job names the user action behind it.
    mixin: () => {
      const correlationId = correlationContext.current();
      return correlationId === undefined ? {} : { correlationId };
    },
  };
}
