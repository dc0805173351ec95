import type { IncomingMessage } from 'node:http';

type MaybeParsed = IncomingMessage & { body?: unknown };

/**
 * The platform runtime installs Express's JSON and urlencoded parsers before any Nest middleware, so such a
 * body reaches the proxy already consumed. It is then re-encoded (bounded by HTTP_BODY_LIMIT); every other
 * body (uploads, CSV, …) is still streamed untouched. Returns undefined when the stream is intact.
 */
export function replayableBody(req: IncomingMessage): Buffer | undefined {
  if (!req.readableEnded) return undefined;
  const body = (req as MaybeParsed).body;
  if (body === undefined) return Buffer.alloc(0);
  const contentType = (req.headers['content-type'] ?? '').toLowerCase();
  if (contentType.includes('application/x-www-form-urlencoded') && isFlatRecord(body)) {
    return Buffer.from(new URLSearchParams(body).toString(), 'utf8');
  }
  return Buffer.from(JSON.stringify(body), 'utf8');
}

function isFlatRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string')
  );
}
