import { AsyncLocalStorage } from 'node:async_hooks';

export const CORRELATION_ID_HEADER = 'x-correlation-id';
export const REQUEST_ID_HEADER = 'x-request-id';

interface CorrelationStore {
  correlationId: string;
  requestId?: string;
}

const storage = new AsyncLocalStorage<CorrelationStore>();

/**
 * The correlation id of the work in progress (HTTP request, consumed Kafka message, queue job), carried
 * through async calls so logs and outgoing messages can name the user action that caused them.
 */
export const correlationContext = {
  run<T>(correlationId: string, fn: () => T, requestId?: string): T {
    return storage.run(requestId === undefined ? { correlationId } : { correlationId, requestId }, fn);
  },
  current(): string | undefined {
    return storage.getStore()?.correlationId;
  },
  currentRequestId(): string | undefined {
    return storage.getStore()?.requestId;
  },
};

/** Headers to put on an outgoing call (HTTP or Kafka) so the callee continues the same correlation. */
export function correlationHeaders(): Record<string, string> {
  const correlationId = correlationContext.current();
  return correlationId === undefined ? {} : { [CORRELATION_ID_HEADER]: correlationId };
}
