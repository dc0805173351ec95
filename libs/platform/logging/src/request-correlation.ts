import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CORRELATION_ID_HEADER, REQUEST_ID_HEADER } from './correlation-context';

export interface RequestCorrelation {
  requestId: string;
  correlationId: string;
}

const RESOLVED = Symbol('demarches.correlation');
type Tagged = IncomingMessage & { [RESOLVED]?: RequestCorrelation; id?: unknown };

// Ids come from clients: accept only short, printable tokens so they cannot inject into logs or headers.
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const raw = req.headers[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value !== undefined && SAFE_ID.test(value) ? value : undefined;
}

/**
 * Reuses the caller's x-request-id / x-correlation-id or creates them, and echoes both on the response.
 * Memoised on the request: pino-http's genReqId and the correlation middleware both call it, in either order.
 */
export function resolveRequestCorrelation(req: IncomingMessage, res: ServerResponse): RequestCorrelation {
  const tagged = req as Tagged;
  const existing = tagged[RESOLVED];
  if (existing) return existing;
  const requestId = headerValue(req, REQUEST_ID_HEADER) ?? randomUUID();
  // A request without a correlation id starts a new user action; its request id names it.
  const correlationId = headerValue(req, CORRELATION_ID_HEADER) ?? requestId;
  const resolved = { requestId, correlationId };
  tagged[RESOLVED] = resolved;
  tagged.id = requestId;
  if (!res.headersSent) {
    res.setHeader(REQUEST_ID_HEADER, requestId);
    res.setHeader(CORRELATION_ID_HEADER, correlationId);
  }
  return resolved;
}
